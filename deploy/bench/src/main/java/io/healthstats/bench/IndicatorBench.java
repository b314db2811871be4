package io.healthstats.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import tools.jackson.databind.JsonNode;

/**
 * indicator-service, through the gateway, as a county system and a dashboard use it:
 * <ol>
 * <li>ingest: 1,000-row JSON batches posted one after the other, beside the MongoDB driver inserting
 * the same rows (1,000 documents per {@code insertMany}) into a scratch collection of the same server;</li>
 * <li>reads: series and breakdown p50/p99 at a fixed number of concurrent callers, with 10,000 and with
 * 1,000,000 observations stored (the rows of {@link Dataset}, loaded through the API).</li>
 * </ol>
 *
 * <pre>
 * ./mvnw -B -q install -DskipTests
 * java -cp deploy/bench/target/bench.jar io.healthstats.bench.IndicatorBench
 * </pre>
 *
 * The data stays in {@code deploy/bench/target/data/indicator}: an interrupted load resumes at the next
 * run; {@code --fresh} starts over (a size below what is already stored cannot be measured again).
 */
public final class IndicatorBench {

	private static final List<String> OPTIONS = List.of("sizes", "concurrency", "requests", "warmup", "jit-warmup",
			"ingest-batches", "ingest-warmup", "data", "fresh", "properties", "gateway", "indicator-service", "mongo");

	/** Length of one slice of the reads' JIT warm-up, after each of which the CPU per request is printed. */
	private static final Duration SLICE = Duration.ofSeconds(15);

	static final int BATCH = 1_000;

	/**
	 * The driver's insert of the same rows takes well under a second, so whether the store's once-a-second
	 * commit (and the JIT compiling the insert path) falls inside it or not moved it between 19,000 and
	 * 40,000 rows/s from run to run: it is timed three times, back to back, and the median is compared.
	 */
	static final int DRIVER_ROUNDS = 3;

	private final Api api;

	private final Platform platform;

	private final MongoClient mongo;

	private final Dataset dataset;

	private final String indicator;

	private final CpuMeter cpu;

	private final Table ingest = new Table("path", "rows", "store size before", "seconds", "rows/s");

	private final Table ingestCpu;

	private final Table loads = new Table("load", "rows", "seconds", "rows/s", "load average at end");

	private final Table reads = new Table("stored observations", "request", "distinct queries", "requests", "p50", "p99", "max",
			"req/s", "answers as at first size");

	private final Table readCpu;

	private Progress progress;

	private boolean ingestMeasured;

	private boolean readsWarm;

	private IndicatorBench(Api api, Platform platform, MongoClient mongo, Dataset dataset, String indicator) {
		this.api = api;
		this.platform = platform;
		this.mongo = mongo;
		this.dataset = dataset;
		this.indicator = indicator;
		Map<String, ProcessHandle> processes = new LinkedHashMap<>();
		processes.put("bench client", ProcessHandle.current());
		processes.putAll(platform.processes());
		processes.keySet().retainAll(List.of("bench client", "gateway", "indicator-service", "launcher"));
		this.cpu = new CpuMeter(processes);
		List<String> header = new ArrayList<>(List.of("what"));
		this.cpu.names().forEach(name -> header.add(name + " CPU"));
		header.add("total CPU");
		this.ingestCpu = new Table(header.toArray(String[]::new));
		List<String> readHeader = new ArrayList<>(List.of("stored observations", "request"));
		this.cpu.names().forEach(name -> readHeader.add(name + " CPU/req"));
		readHeader.add("total CPU/req");
		this.readCpu = new Table(readHeader.toArray(String[]::new));
	}

	public static void main(String[] arguments) throws Exception {
		Args args = Args.parse(arguments, OPTIONS);
		int[] sizes = args.integers("sizes", "10000,1000000");
		int concurrency = args.integer("concurrency", 2);
		int requests = args.integer("requests", 2000);
		int warmup = args.integer("warmup", 500);
		int ingestBatches = args.integer("ingest-batches", 30);
		int ingestWarmup = args.integer("ingest-warmup", 30);
		Duration jitWarmup = Duration.ofSeconds(args.integer("jit-warmup", 60));
		Bench.say("Indicator bench on " + Bench.machine() + ", load average " + Bench.load());
		try (Platform platform = args.has("gateway")
				? Platform.attach(URI.create(args.get("gateway", "")), URI.create(args.get("indicator-service", "http://localhost:8082")),
						args.get("mongo", "mongodb://localhost:27017"))
				: Platform.start(Path.of(args.get("data", "deploy/bench/target/data/indicator")).toAbsolutePath(), args.flag("fresh"),
						Bench.platformEnvironment(args.get("properties", null)));
				MongoClient mongo = MongoClients.create(platform.mongo())) {
			Api api = new Api(platform.gateway(), Bench.CLIENT);
			List<Dataset.Indicator> indicators = new ArrayList<>();
			for (JsonNode node : api.json(api.get(platform.gateway(), "/api/v1/indicators"))) {
				indicators.add(new Dataset.Indicator(node.get("code").asString(), node.get("kind").asString()));
			}
			Dataset dataset = new Dataset(indicators);
			IndicatorBench bench = new IndicatorBench(api, platform, mongo, dataset, indicators.get(0).code());
			Bench.say("Platform: " + platform.description() + "; services get SPRING_APPLICATION_JSON="
					+ Bench.platformEnvironment(args.get("properties", null)).get("SPRING_APPLICATION_JSON"));
			Bench.say(String.format(Locale.ROOT, "Client %s through the gateway; dataset %,d rows (%d indicators × %d months × %d counties "
					+ "in %d new cities); sizes %s; reads: %d s JIT warm-up, then %d callers, %,d warm-up + %,d measured requests "
					+ "per request kind; ingest: %d warm-up batches, then %d batches of %,d rows, one client", Bench.CLIENT,
					dataset.size(), indicators.size(), Dataset.MONTHS, Dataset.counties().size(), Dataset.CITIES.size(),
					Arrays.toString(sizes), jitWarmup.toSeconds(), concurrency, warmup, requests, ingestWarmup, ingestBatches, BATCH));
			bench.run(sizes, concurrency, warmup, jitWarmup, requests, ingestWarmup, ingestBatches);
		}
	}

	private void run(int[] sizes, int concurrency, int warmup, Duration jitWarmup, int requests, int ingestWarmup,
			int ingestBatches) {
		ensureRegions();
		this.progress = Progress.load(this.mongo);
		Bench.say(String.format("Stored before this run: %,d observations (%,d demo + %,d bench rows)", this.progress.stored(),
				this.progress.baseRows(), this.progress.benchRows()));
		for (int s = 0; s < sizes.length; s++) {
			long target = Math.min(sizes[s] - this.progress.baseRows(), this.dataset.size());
			if (this.progress.benchRows() > target) {
				Bench.say(String.format("Size %,d skipped: %,d observations are stored already (--fresh starts over)", sizes[s],
						this.progress.stored()));
				continue;
			}
			load(target, ingestWarmup, ingestBatches);
			awaitOutboxDrained();
			if (!this.readsWarm) {
				jitWarmup(concurrency, jitWarmup);
				this.readsWarm = true;
			}
			measureReads(concurrency, warmup, requests);
		}
		Bench.print("Ingest through the gateway vs the MongoDB driver (same rows, same MongoDB server, one client, sequential batches of "
				+ BATCH + "):", this.ingest);
		Bench.print("CPU time per 1,000 rows by process (launcher = MongoDB server, Kafka, auth server):", this.ingestCpu);
		Bench.print("Loading (gateway, 1,000-row batches, one client):", this.loads);
		Bench.print("Reads through the gateway (" + this.indicator + "; series: 24 months or 8 quarters with 同比/环比 of the "
				+ "province, cities and counties; breakdown: the province's 7 cities or a city's 31 counties for a month, quarter or year):",
				this.reads);
		Bench.print("CPU time per read request by process:", this.readCpu);
		System.out.println();
		System.out.println("Goals: ingest ratio >= 0.5; read p99 <= 20 ms; 1 M figures within 1.5 x of the 10 k figures.");
		Bench.say("Load average at the end " + Bench.load());
	}

	/** The six bench cities and their counties, through the API like any province system would add them. */
	private void ensureRegions() {
		int created = 0;
		List<String> regions = new ArrayList<>(Dataset.CITIES);
		regions.addAll(Dataset.counties());
		for (String code : regions) {
			HttpResponse<String> existing = this.api.send(this.api.get(this.platform.gateway(), "/api/v1/regions/" + code));
			if (existing.statusCode() == 200) {
				continue;
			}
			boolean city = code.endsWith("00");
			String parent = city ? "340000" : code.substring(0, 4) + "00";
			String name = city ? "基准市" + code.substring(2, 4) : "基准县" + code.substring(2);
			String body = String.format("{\"code\":\"%s\",\"name\":\"%s\",\"nameEn\":\"Bench %s\",\"parent\":\"%s\"}", code, name,
					code, parent);
			HttpResponse<String> response = this.api.send(this.api.postJson(this.platform.gateway(), "/api/v1/regions", body));
			if (response.statusCode() != 201) {
				throw new IllegalStateException("Could not add region " + code + ": " + response.statusCode() + " " + response.body());
			}
			created++;
		}
		Bench.say("Regions: " + created + " added, " + (regions.size() - created) + " already there");
	}

	/**
	 * Posts rows until {@code target} bench rows are stored. The first big enough load starts with the ingest
	 * comparison, after {@code warmupBatches} batches posted as usual: the platform has only loaded a few
	 * batches since it started, and the services' and the launcher's JIT compilers would still be at work on
	 * the write path during the comparison.
	 */
	private void load(long target, int warmupBatches, int ingestBatches) {
		long from = this.progress.benchRows();
		if (!this.ingestMeasured && ingestBatches > 0 && target - from >= (long) (warmupBatches + ingestBatches) * BATCH) {
			for (int b = 0; b < warmupBatches; b++) {
				post(from + (long) b * BATCH, from + (long) (b + 1) * BATCH);
			}
			Bench.say(String.format("Ingest warm-up: %,d batches posted", warmupBatches));
			from = this.progress.benchRows();
			compareIngest(from, ingestBatches);
			this.ingestMeasured = true;
			from = this.progress.benchRows();
		}
		if (from >= target) {
			return;
		}
		long start = System.nanoTime();
		long lastReport = start;
		long storedBefore = this.progress.stored();
		for (long i = from; i < target; i += BATCH) {
			post(i, Math.min(i + BATCH, target));
			long now = System.nanoTime();
			if (now - lastReport > 30e9) {
				lastReport = now;
				double seconds = (now - start) / 1e9;
				long done = this.progress.benchRows() - from;
				Bench.say(String.format(Locale.ROOT, "  loaded %,d of %,d rows (%,.0f rows/s, about %.0f min left), load average %s",
						done, target - from, done / seconds, (target - from - done) / (done / seconds) / 60, Bench.load()));
			}
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		this.loads.row(String.format("%,d → %,d stored", storedBefore, this.progress.stored()),
				Table.number(target - from), String.format(Locale.ROOT, "%.0f", seconds), Table.number((target - from) / seconds),
				Bench.load());
	}

	private void post(long from, long to) {
		HttpResponse<String> response = this.api.send(this.api.postJson(this.platform.gateway(), "/api/v1/observations",
				this.dataset.json(from, to)));
		checkAccepted(response, to - from);
		this.progress = this.progress.loaded(to);
		this.progress.save(this.mongo);
	}

	private static void checkAccepted(HttpResponse<String> response, long rows) {
		JsonNode result = response.statusCode() == 200 ? Api.JSON.readTree(response.body()) : null;
		if (result == null || result.get("accepted").asLong() != rows || !result.get("rejected").isEmpty()) {
			throw new IllegalStateException("Batch not fully stored: " + response.statusCode() + " " + response.body());
		}
	}

	/**
	 * The same {@code batches} × 1,000 rows, prepared in advance so only sending counts: first posted
	 * through the gateway (and stored for good), then inserted with the driver into a scratch collection.
	 */
	private void compareIngest(long from, int batches) {
		long storedBefore = this.progress.stored();
		List<String> bodies = new ArrayList<>();
		List<List<Document>> documents = new ArrayList<>();
		for (int b = 0; b < batches; b++) {
			bodies.add(this.dataset.json(from + (long) b * BATCH, from + (long) (b + 1) * BATCH));
			documents.add(this.dataset.documents(from + (long) b * BATCH, from + (long) (b + 1) * BATCH));
		}
		long rows = (long) batches * BATCH;
		awaitOutboxDrained();
		Bench.say(String.format("Ingest comparison: %,d rows through the gateway ...", rows));
		Map<String, Long> gatewayCpu = new LinkedHashMap<>();
		Map<String, Long> before = this.cpu.snapshot();
		long start = System.nanoTime();
		for (int b = 0; b < batches; b++) {
			HttpRequest request = this.api.postJson(this.platform.gateway(), "/api/v1/observations", bodies.get(b));
			checkAccepted(this.api.send(request), BATCH);
			this.progress = this.progress.loaded(from + (long) (b + 1) * BATCH);
		}
		long posted = System.nanoTime() - start;
		this.progress.save(this.mongo);
		awaitOutboxDrained();
		long drained = System.nanoTime() - start;
		this.cpu.accumulate(before, gatewayCpu);

		Bench.say(String.format("Ingest comparison: the same %,d rows with the MongoDB driver, %d rounds ...", rows, DRIVER_ROUNDS));
		List<List<WriteModel<Document>>> inserts = documents.stream()
			.map(batch -> batch.stream().<WriteModel<Document>>map(InsertOneModel::new).toList())
			.toList();
		Map<String, Long> rawCpu = new LinkedHashMap<>();
		long[] rawRounds = driverRounds("raw_observations", inserts, rawCpu);
		long raw = median(rawRounds);

		String size = Table.number(storedBefore);
		double gatewayRate = rows / (posted / 1e9);
		double rawRate = rows / (raw / 1e9);
		this.ingest.row("gateway → indicator-service, POST answered", Table.number(rows), size, seconds(posted), Table.number(gatewayRate));
		this.ingest.row("… and every event published (outbox empty)", Table.number(rows), size, seconds(drained),
				Table.number(rows / (drained / 1e9)));
		this.ingest.row("MongoDB driver insertMany, scratch collection (median of " + rates(rows, rawRounds) + ")", Table.number(rows), size,
				seconds(raw), Table.number(rawRate));
		this.ingest.row("**ratio gateway / driver (goal >= 0.5)**", "", "", "", "**" + Table.ratio(gatewayRate / rawRate) + "**");
		this.ingestCpu.row(cpuRow("gateway POST until outbox empty", gatewayCpu, rows / BATCH));
		this.ingestCpu.row(cpuRow("MongoDB driver insertMany", rawCpu, rows / BATCH));
		Bench.say(String.format(Locale.ROOT, "Ingest: gateway %,.0f rows/s, driver %,.0f rows/s, ratio %.2f", gatewayRate, rawRate,
				gatewayRate / rawRate));
		ceilings(from, batches, size, rawRate);
	}

	/**
	 * How high the ratio could go if the indicator-service cost nothing: the driver writes, one bulk write a
	 * batch, the cells the service keeps for the same rows — as they are stored; with the roll-up cells cut
	 * down to a bare {@code {_id, value}}, the least a roll-up needs; and every cell cut down so — with no
	 * reads, no outbox and no events.
	 */
	private void ceilings(long from, int batches, String size, double rawRate) {
		long rows = (long) batches * BATCH;
		List<List<WriteModel<Document>>> cellWrites = cellWrites(from, batches);
		Bench.say(String.format("Ingest comparison: the cells the service keeps for the same %,d rows, with the MongoDB driver ...", rows));
		ceiling("MongoDB driver writing the cells the service keeps for these rows, as stored", "cells", cellWrites, rows, size, rawRate);
		Bench.say("Ingest comparison: the rows' own cells as stored, the roll-up cells as bare {_id, value} documents ...");
		ceiling("MongoDB driver writing the rows' own cells as stored (value, revision history, source), the roll-up cells as bare "
				+ "{_id, value} documents", "bare_rollups", bare(cellWrites, cell -> cell.containsKey("history")), rows, size, rawRate);
		Bench.say("Ingest comparison: the same keys, each a bare {_id, value} document ...");
		ceiling("MongoDB driver writing the same keys, each a bare {_id, value} document", "bare_keys", bare(cellWrites, cell -> false),
				rows, size, rawRate);
	}

	private void ceiling(String what, String collection, List<List<WriteModel<Document>>> writes, long rows, String size, double rawRate) {
		Map<String, Long> cpu = new LinkedHashMap<>();
		long[] rounds = driverRounds(collection, writes, cpu);
		double rate = rows / (median(rounds) / 1e9);
		this.ingest.row(what + " (median of " + rates(rows, rounds) + ")", Table.number(rows), size, seconds(median(rounds)),
				Table.number(rate));
		this.ingest.row("ceiling of the ratio: " + collection + " / driver", "", "", "", Table.ratio(rate / rawRate));
		this.ingestCpu.row(cpuRow("MongoDB driver writing " + collection, cpu, rows / BATCH));
		Bench.say(String.format(Locale.ROOT, "Ingest: %s %,.0f rows/s, ceiling %.2f", collection, rate, rate / rawRate));
	}

	/**
	 * Writes {@code batches} into a scratch collection {@link #DRIVER_ROUNDS} times, each round into an empty
	 * collection, one bulk write a batch; answers the time of each round and leaves the CPU per round in
	 * {@code cpu}.
	 */
	private long[] driverRounds(String collection, List<List<WriteModel<Document>>> batches, Map<String, Long> cpu) {
		long documents = batches.stream().flatMap(List::stream).filter(InsertOneModel.class::isInstance).count();
		MongoCollection<Document> scratch = this.mongo.getDatabase("bench").getCollection(collection);
		long[] rounds = new long[DRIVER_ROUNDS];
		for (int round = 0; round < DRIVER_ROUNDS; round++) {
			scratch.drop();
			Map<String, Long> before = this.cpu.snapshot();
			long start = System.nanoTime();
			for (List<WriteModel<Document>> batch : batches) {
				scratch.bulkWrite(batch);
			}
			rounds[round] = System.nanoTime() - start;
			this.cpu.accumulate(before, cpu);
			long stored = scratch.countDocuments();
			if (stored != documents) {
				throw new IllegalStateException("The scratch collection " + collection + " holds " + stored + " documents, expected " + documents);
			}
		}
		scratch.drop();
		cpu.replaceAll((process, nanos) -> nanos / DRIVER_ROUNDS);
		return rounds;
	}

	private static long median(long[] rounds) {
		long[] sorted = rounds.clone();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2];
	}

	private static String rates(long rows, long[] rounds) {
		return String.join(" / ", Arrays.stream(rounds).mapToObj(r -> Table.number(rows / (r / 1e9)) + " rows/s").toList());
	}

	/**
	 * For each batch, the cells the indicator-service keeps for its rows — each row's county, city and
	 * province for its month, quarter and year — as they are stored now, after every batch: inserted where a
	 * batch is the first to touch them, replaced where an earlier batch did. That is the least the store must
	 * write for these rows under the service's model; the cells now hold every batch's parts, a little more
	 * than each batch wrote.
	 */
	private List<List<WriteModel<Document>>> cellWrites(long from, int batches) {
		List<List<String>> keys = new ArrayList<>();
		for (int b = 0; b < batches; b++) {
			Set<String> batchKeys = new LinkedHashSet<>();
			for (long i = from + (long) b * BATCH; i < from + (long) (b + 1) * BATCH; i++) {
				Dataset.Row row = this.dataset.row(i);
				String year = row.period().substring(0, 4);
				String quarter = year + "Q" + ((Integer.parseInt(row.period().substring(4)) - 1) / 3 + 1);
				for (String region : List.of(row.region(), row.region().substring(0, 4) + "00", "340000")) {
					for (String period : List.of(row.period(), quarter, year)) {
						batchKeys.add(row.indicator() + "|" + region + "|" + period);
					}
				}
			}
			keys.add(List.copyOf(batchKeys));
		}
		Map<String, Document> cells = new HashMap<>();
		MongoCollection<Document> stored = this.mongo.getDatabase("indicator").getCollection("cells");
		List<String> distinct = keys.stream().flatMap(List::stream).distinct().toList();
		for (int i = 0; i < distinct.size(); i += 100) {
			stored.find(Filters.in("_id", distinct.subList(i, Math.min(i + 100, distinct.size()))))
				.forEach(cell -> cells.put(cell.getString("_id"), cell));
		}
		if (cells.size() != distinct.size()) {
			throw new IllegalStateException("Only " + cells.size() + " of the " + distinct.size() + " cells are stored after the ingest");
		}
		Set<String> written = new HashSet<>();
		return keys.stream()
			.map(batchKeys -> batchKeys.stream()
				.<WriteModel<Document>>map(key -> written.add(key) ? new InsertOneModel<>(cells.get(key))
						: new ReplaceOneModel<>(Filters.eq("_id", key), cells.get(key)))
				.toList())
			.toList();
	}

	/** The same writes, the documents that {@code keep} refuses cut down to their key and a value. */
	private static List<List<WriteModel<Document>>> bare(List<List<WriteModel<Document>>> writes, Predicate<Document> keep) {
		UnaryOperator<Document> cut = cell -> keep.test(cell) ? cell : new Document("_id", cell.get("_id")).append("value", "12345");
		return writes.stream().map(batch -> batch.stream().<WriteModel<Document>>map(write -> {
			if (write instanceof InsertOneModel<Document> insert) {
				return new InsertOneModel<>(cut.apply(insert.getDocument()));
			}
			ReplaceOneModel<Document> replace = (ReplaceOneModel<Document>) write;
			return new ReplaceOneModel<>(replace.getFilter(), cut.apply(replace.getReplacement()));
		}).toList()).toList();
	}

	/** Reads run against a quiet service: events of the last load are all in Kafka. */
	private void awaitOutboxDrained() {
		MongoCollection<Document> outbox = this.mongo.getDatabase("indicator").getCollection("outbox");
		long start = System.nanoTime();
		while (outbox.countDocuments() > 0) {
			if (System.nanoTime() - start > 30 * 60e9) {
				throw new IllegalStateException("The outbox did not drain in 30 minutes");
			}
			Bench.sleep(100);
		}
	}

	/**
	 * Both kinds of reads through the gateway for {@code length} before the first measured ones: the gateway
	 * and the indicator-service run with the C2 compiler, which keeps compiling their hot paths for tens of
	 * seconds after the platform started — the first size's reads were measured during that, at up to three
	 * times the CPU per request of the later sizes. Prints the CPU per request every {@link #SLICE} to show it
	 * settle.
	 */
	private void jitWarmup(int concurrency, Duration length) {
		if (length.isZero()) {
			return;
		}
		List<HttpRequest> requests = new ArrayList<>();
		seriesQueries().forEach(q -> requests.add(this.api.get(this.platform.gateway(), q)));
		breakdownQueries().forEach(q -> requests.add(this.api.get(this.platform.gateway(), q)));
		List<String> slices = ClosedLoop.warmUp(this.api.http(), concurrency, requests, length, SLICE, this.cpu,
				used -> used.isEmpty() ? -1 : used.values().stream().mapToLong(Long::longValue).sum());
		Bench.say("JIT warm-up, " + length.toSeconds() + " s of reads through the gateway: CPU per request, all processes, every "
				+ SLICE.toSeconds() + " s: " + String.join(", ", slices));
	}

	private void measureReads(int concurrency, int warmup, int requests) {
		long stored = this.progress.stored();
		Bench.say(String.format("Reads with %,d observations stored ...", stored));
		Map<String, String> answers = new LinkedHashMap<>();
		measure("series", seriesQueries(), stored, concurrency, warmup, requests, answers);
		measure("breakdown", breakdownQueries(), stored, concurrency, warmup, requests, answers);
		if (this.progress.answers().isEmpty()) {
			this.progress = this.progress.withAnswers(answers, stored);
			this.progress.save(this.mongo);
		}
	}

	private void measure(String kind, List<String> queries, long stored, int concurrency, int warmup, int requests,
			Map<String, String> answers) {
		int same = 0;
		for (String query : queries) {
			HttpResponse<String> response = this.api.send(this.api.get(this.platform.gateway(), query));
			if (response.statusCode() != 200) {
				throw new IllegalStateException(query + " answered " + response.statusCode() + ": " + response.body());
			}
			requireComplete(query, Api.JSON.readTree(response.body()));
			String hash = sha256(response.body());
			answers.put(query, hash);
			if (hash.equals(this.progress.answers().get(query))) {
				same++;
			}
		}
		List<HttpRequest> prepared = queries.stream().map(q -> this.api.get(this.platform.gateway(), q)).toList();
		ClosedLoop.run(this.api.http(), concurrency, warmup, i -> prepared.get(i % prepared.size()));
		Map<String, Long> used = new LinkedHashMap<>();
		Map<String, Long> before = this.cpu.snapshot();
		Stats stats = Stats.of(List.of(ClosedLoop.run(this.api.http(), concurrency, requests, i -> prepared.get(i % prepared.size()))));
		this.cpu.accumulate(before, used);
		String comparison = this.progress.answers().isEmpty() ? "(first size)"
				: same + " of " + queries.size() + " identical to " + Table.number(this.progress.answersAt());
		this.reads.row(Table.number(stored), kind, queries.size(), Table.number(requests), Table.millis(stats.p50Millis()),
				Table.millis(stats.p99Millis()), Table.millis(stats.maxMillis()), Table.number(stats.perSecond()), comparison);
		List<Object> cpuRow = new ArrayList<>(List.of(Table.number(stored), kind));
		long total = 0;
		for (String name : this.cpu.names()) {
			long nanos = used.getOrDefault(name, 0L);
			cpuRow.add(Table.millis(nanos / 1e6 / requests));
			total += nanos;
		}
		cpuRow.add(Table.millis(total / 1e6 / requests));
		this.readCpu.row(cpuRow.toArray());
		Bench.say(String.format(Locale.ROOT, "  %s: p50 %.2f ms, p99 %.2f ms, %,.0f req/s, load average %s", kind, stats.p50Millis(),
				stats.p99Millis(), stats.perSecond(), Bench.load()));
	}

	/** Series of the province, three bench cities and three of their counties: by month and by quarter. */
	private List<String> seriesQueries() {
		List<String> queries = new ArrayList<>();
		for (String region : List.of("340000", "340100", "340300", "340600", "340105", "340231", "340517")) {
			queries.add(String.format("/api/v1/indicators/%s/series?region=%s&from=202301&to=202412&granularity=MONTH", this.indicator, region));
			queries.add(String.format("/api/v1/indicators/%s/series?region=%s&from=2023Q1&to=2024Q4&granularity=QUARTER", this.indicator, region));
		}
		return queries;
	}

	/** Breakdowns of the province (7 cities) and of each bench city (31 counties) for a month, a quarter, a year. */
	private List<String> breakdownQueries() {
		List<String> queries = new ArrayList<>();
		List<String> regions = new ArrayList<>(List.of("340000"));
		regions.addAll(Dataset.CITIES);
		for (String region : regions) {
			for (String period : List.of("202412", "2024Q4", "2024")) {
				queries.add(String.format("/api/v1/indicators/%s/breakdown?region=%s&period=%s", this.indicator, region, period));
			}
		}
		return queries;
	}

	/** Every measured read must find data at every size, or the sizes would not be compared like for like. */
	private static void requireComplete(String query, JsonNode answer) {
		JsonNode values = answer.has("points") ? answer.get("points") : answer.get("items");
		for (JsonNode value : values) {
			if (value.get("value").isNull()) {
				throw new IllegalStateException(query + " has a gap: " + value);
			}
		}
	}

	private Object[] cpuRow(String what, Map<String, Long> used, long thousands) {
		List<Object> row = new ArrayList<>(List.of(what));
		long total = 0;
		for (String name : this.cpu.names()) {
			long nanos = used.getOrDefault(name, 0L);
			row.add(Table.millis(nanos / 1e6 / thousands));
			total += nanos;
		}
		row.add(Table.millis(total / 1e6 / thousands));
		return row.toArray();
	}

	private static String seconds(long nanos) {
		return String.format(Locale.ROOT, "%.1f", nanos / 1e9);
	}

	private static String sha256(String body) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
