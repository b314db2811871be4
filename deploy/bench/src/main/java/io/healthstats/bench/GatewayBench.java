package io.healthstats.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the gateway costs: the same GET sent straight to the indicator-service and through the
 * gateway, in alternating rounds of one run (so both see the same background load), at a fixed
 * number of concurrent callers. Prints p50/p99 and requests/s for both, the p50 the gateway adds and
 * the share of the direct throughput it keeps. A time-based warm-up through the gateway comes first
 * ({@code --jit-warmup}, seconds), because the launcher runs the gateway with the C2 compiler, which
 * needs tens of seconds of traffic to compile the gateway's hot paths.
 *
 * <pre>
 * ./mvnw -B -q install -DskipTests
 * java -cp deploy/bench/target/bench.jar io.healthstats.bench.GatewayBench
 * </pre>
 */
public final class GatewayBench {

	private static final List<String> OPTIONS = List.of("concurrency", "requests", "warmup", "jit-warmup", "rounds", "data", "fresh",
			"properties", "gateway", "indicator-service", "mongo");

	/** Length of one slice of the JIT warm-up, after each of which the gateway's CPU per request is printed. */
	private static final Duration SLICE = Duration.ofSeconds(10);

	private record Target(String name, String path) {
	}

	private static final List<Target> REQUESTS = List.of(new Target("indicator list", "/api/v1/indicators"),
			new Target("series (12 months, city)", "/api/v1/indicators/BIRTHS/series?region=341500&from=202401&to=202412&granularity=MONTH"));

	private GatewayBench() {
	}

	public static void main(String[] arguments) {
		Args args = Args.parse(arguments, OPTIONS);
		int[] concurrencies = args.integers("concurrency", "1,4");
		int requests = args.integer("requests", 4000);
		int warmup = args.integer("warmup", 1000);
		int rounds = args.integer("rounds", 4);
		Duration jitWarmup = Duration.ofSeconds(args.integer("jit-warmup", 120));
		Bench.say("Gateway bench on " + Bench.machine() + ", load average " + Bench.load());
		try (Platform platform = args.has("gateway")
				? Platform.attach(URI.create(args.get("gateway", "")), URI.create(args.get("indicator-service", "http://localhost:8082")), args.get("mongo", ""))
				: Platform.start(Path.of(args.get("data", "deploy/bench/target/data/gateway")).toAbsolutePath(), args.flag("fresh"),
						Bench.platformEnvironment(args.get("properties", null)))) {
			Api api = new Api(platform.gateway(), Bench.CLIENT);
			Bench.say("Platform: " + platform.description() + "; services get SPRING_APPLICATION_JSON="
					+ Bench.platformEnvironment(args.get("properties", null)).get("SPRING_APPLICATION_JSON"));
			Bench.say(String.format("Client %s; per request and concurrency: %,d warm-up requests to each side, then %,d measured "
					+ "to each side in %d alternating rounds", Bench.CLIENT, warmup, requests, rounds));
			Map<String, ProcessHandle> processes = new LinkedHashMap<>();
			processes.put("bench client", ProcessHandle.current());
			processes.putAll(platform.processes());
			processes.keySet().retainAll(List.of("bench client", "gateway", "indicator-service", "launcher"));
			CpuMeter cpu = new CpuMeter(processes);
			Bench.say("Gateway JVM: " + jvmFlags(processes.get("gateway")));
			jitWarmup(api, platform, cpu, jitWarmup);
			Table table = new Table("request", "callers", "direct p50", "direct p99", "direct req/s", "gateway p50",
					"gateway p99", "gateway req/s", "added p50", "gateway/direct throughput");
			List<String> cpuHeader = new ArrayList<>(List.of("request", "callers", "path"));
			cpu.names().forEach(name -> cpuHeader.add(name + " CPU/req"));
			cpuHeader.add("total CPU/req");
			Table cpuTable = new Table(cpuHeader.toArray(String[]::new));
			HttpRequest last = null;
			for (Target target : REQUESTS) {
				HttpRequest direct = api.get(platform.indicatorService(), target.path());
				HttpRequest gateway = api.get(platform.gateway(), target.path());
				sameAnswer(api, direct, gateway);
				last = gateway;
				for (int callers : concurrencies) {
					ClosedLoop.run(api.http(), callers, warmup, i -> direct);
					ClosedLoop.run(api.http(), callers, warmup, i -> gateway);
					Side straight = new Side(direct);
					Side through = new Side(gateway);
					for (int round = 0; round < rounds; round++) {
						int count = requests / rounds;
						// alternate who goes first, so neither side always follows the other's garbage
						for (Side side : round % 2 == 0 ? List.of(straight, through) : List.of(through, straight)) {
							Map<String, Long> before = cpu.snapshot();
							side.runs.add(ClosedLoop.run(api.http(), callers, count, i -> side.request));
							cpu.accumulate(before, side.cpu);
						}
					}
					Stats d = Stats.of(straight.runs);
					Stats g = Stats.of(through.runs);
					table.row(target.name(), callers, Table.millis(d.p50Millis()), Table.millis(d.p99Millis()),
							Table.number(d.perSecond()), Table.millis(g.p50Millis()), Table.millis(g.p99Millis()),
							Table.number(g.perSecond()), Table.millis(g.p50Millis() - d.p50Millis()),
							String.format("%.0f %%", 100 * g.perSecond() / d.perSecond()));
					cpuTable.row(cpuRow(target.name(), callers, "direct", cpu, straight.cpu, d.count()));
					cpuTable.row(cpuRow(target.name(), callers, "gateway", cpu, through.cpu, g.count()));
					Bench.say(target.name() + ", " + callers + " caller(s) done, load average " + Bench.load());
				}
			}
			System.out.println();
			System.out.println("Direct = http://localhost:<8082+offset> (indicator-service), gateway = http://localhost:<8080+offset>; same token, same request.");
			System.out.println("Goal: the gateway adds <= 2 ms at p50 and keeps >= 50 % of the direct throughput.");
			System.out.println("Rate limit: per-client override for " + Bench.CLIENT + " (X-RateLimit-Remaining after the run: "
					+ api.send(last).headers().firstValue("X-RateLimit-Remaining").orElse("none: limiter disabled") + ")");
			System.out.println();
			System.out.print(table);
			Bench.print("CPU time per request by process (from the OS, all threads; launcher = MongoDB server, Kafka, auth server):", cpuTable);
			System.out.println();
			System.out.println("Resident memory (RSS) at the end: " + residentMemory(processes));
			System.out.println();
			Bench.say("Load average at the end " + Bench.load());
		}
	}

	/**
	 * Requests through the gateway (both requests in turn, two callers) for {@code length} before
	 * anything is measured: the per-request warm-ups are short, and a gateway running with the C2
	 * compiler keeps compiling its hot paths for tens of seconds, which would count in the first
	 * rounds' CPU. Prints the gateway's CPU per request every {@link #SLICE}, to show it settle.
	 */
	private static void jitWarmup(Api api, Platform platform, CpuMeter cpu, Duration length) {
		if (length.isZero()) {
			return;
		}
		List<HttpRequest> requests = REQUESTS.stream().map(target -> api.get(platform.gateway(), target.path())).toList();
		List<String> slices = ClosedLoop.warmUp(api.http(), 2, requests, length, SLICE, cpu,
				used -> used.getOrDefault("gateway", -1L));
		Bench.say("JIT warm-up, " + length.toSeconds() + " s through the gateway: its CPU per request every " + SLICE.toSeconds()
				+ " s " + String.join(", ", slices));
	}

	private static String jvmFlags(ProcessHandle process) {
		if (process == null) {
			return "n/a (platform not started by the bench)";
		}
		List<String> flags = process.info().arguments().map(List::of).orElse(List.of()).stream()
			.filter(argument -> argument.startsWith("-X"))
			.toList();
		boolean c1Only = flags.stream().anyMatch(flag -> flag.equals("-XX:TieredStopAtLevel=1"));
		return String.join(" ", flags) + (c1Only ? " (C1 JIT only)" : " (C1 and C2 JIT)");
	}

	/** VmRSS of each process from /proc (Linux), e.g. {@code gateway 312 MB}. */
	private static String residentMemory(Map<String, ProcessHandle> processes) {
		List<String> sizes = new ArrayList<>();
		processes.forEach((name, process) -> {
			try {
				long kib = Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status")).stream()
					.filter(line -> line.startsWith("VmRSS:"))
					.mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")))
					.findFirst()
					.orElse(-1);
				sizes.add(name + " " + (kib < 0 ? "n/a" : Math.round(kib / 1024.0) + " MB"));
			}
			catch (IOException | RuntimeException ex) {
				sizes.add(name + " n/a");
			}
		});
		return String.join(", ", sizes);
	}

	/** One way to send the request, with what its rounds measured. */
	private static final class Side {

		final HttpRequest request;

		final List<ClosedLoop.Run> runs = new ArrayList<>();

		final Map<String, Long> cpu = new LinkedHashMap<>();

		Side(HttpRequest request) {
			this.request = request;
		}

	}

	private static Object[] cpuRow(String request, int callers, String path, CpuMeter meter, Map<String, Long> cpu, int count) {
		List<Object> row = new ArrayList<>(List.of(request, callers, path));
		long total = 0;
		for (String name : meter.names()) {
			Long nanos = cpu.get(name);
			row.add(nanos == null ? "n/a" : Table.millis(nanos / 1e6 / count));
			total += nanos == null ? 0 : nanos;
		}
		row.add(Table.millis(total / 1e6 / count));
		return row.toArray();
	}

	/** Both ways must give the same answer, or the comparison means nothing. */
	private static void sameAnswer(Api api, HttpRequest direct, HttpRequest gateway) {
		HttpResponse<String> a = api.send(direct);
		HttpResponse<String> b = api.send(gateway);
		if (a.statusCode() != 200 || b.statusCode() != 200 || !a.body().equals(b.body())) {
			throw new IllegalStateException("Direct and gateway answers differ for " + direct.uri().getPath() + ": " + a.statusCode()
					+ " " + a.body() + " / " + b.statusCode() + " " + b.body());
		}
	}

}
