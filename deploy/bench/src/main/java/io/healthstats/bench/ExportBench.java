package io.healthstats.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.math.BigDecimal;
import java.math.MathContext;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import org.bson.Document;
import tools.jackson.databind.JsonNode;

/**
 * export-service: 1,000,000 observations exported as CSV and as XLSX through the gateway, with the
 * services started from their jars with the launcher's JVM flags (export-service {@code -Xmx256m}).
 * Prints rows/s, the export-service's peak heap (sampled from its {@code /actuator/metrics} every
 * 100 ms), its GC counts, file sizes and the CPU the two services used.
 *
 * <pre>
 * ./mvnw -B -q install -DskipTests
 * java -cp deploy/bench/target/bench.jar io.healthstats.bench.ExportBench              # in-memory store
 * java -cp deploy/bench/target/bench.jar io.healthstats.bench.ExportBench --store=h2   # the launcher as it is
 * </pre>
 *
 * Loading a million rows through the write API takes long, so the bench rows (six bench cities of
 * Anhui, 340100 … 340600 with 31 counties each, every indicator of the catalogue, every month
 * 2000–2024: 18 × 186 × 300 = 1,004,400 rows, generated from their index) are inserted straight into
 * the indicator-service's {@code cells} collection, in the document format its {@code CellStore}
 * writes for a reported county cell. Everything measured then goes through the real APIs: the
 * export-service reads them page by page from the indicator-service with its service token.
 *
 * <p>{@code --store=memory} (default, {@link InMemoryPlatform}): the authorization server,
 * indicator-service, export-service and gateway from their jars, MongoDB-wire server (in-memory
 * backend, as in the tests) and Kafka in this JVM. {@code --store=h2}: the whole launcher
 * ({@link Platform}, {@code HEALTHSTATS_PORT_OFFSET}), whose H2-backed store makes every lookup by
 * {@code _id} cost about a millisecond (it compares index keys through Java serialization) — the store,
 * not the services, is then what is measured. Every run starts from an empty data folder
 * ({@code deploy/bench/target/data/export}): the H2 store also rebuilds a collection's {@code _id}
 * index when it first opens it after a restart, minutes for a million cells, longer than the launcher
 * waits for the services; {@code --reuse} keeps the folder.
 */
public final class ExportBench {

	private static final List<String> OPTIONS = List.of("formats", "data", "reuse", "page-size", "store", "upstream", "jit");

	private static final String REGION = "340000";

	private static final int INSERT_BATCH = 10_000;

	private final Api api;

	private final URI gateway;

	private final URI indicatorService;

	private final MongoClient mongo;

	private final Rows rows;

	private final List<String> indicators;

	private final URI exportService;

	private final Table results = new Table("format", "rows", "job run (s)", "request → DONE (s)", "rows/s", "file size",
			"download (s)", "peak heap used", "heap max", "young/old GCs");

	private final Table cpuTable = new Table("format", "export-service CPU (s)", "indicator-service CPU (s)",
			"bench JVM CPU (s): MongoDB-wire server, Kafka, synthetic upstream, GC", "of it the MongoDB-wire server's threads (s)",
			"bench JVM heap: live before / peak used / live after");

	private ExportBench(Api api, URI gateway, URI indicatorService, URI exportService, MongoClient mongo, Rows rows,
			List<String> indicators) {
		this.api = api;
		this.gateway = gateway;
		this.indicatorService = indicatorService;
		this.exportService = exportService;
		this.mongo = mongo;
		this.rows = rows;
		this.indicators = indicators;
	}

	public static void main(String[] arguments) throws Exception {
		Args args = Args.parse(arguments, OPTIONS);
		String[] formats = args.get("formats", "csv,xlsx").split(",");
		Map<String, String> environment = new LinkedHashMap<>(Bench.platformEnvironment());
		if (args.has("page-size")) {
			environment.put("EXPORT_PAGE_SIZE", args.get("page-size", "10000"));
		}
		Path data = Path.of(args.get("data", "deploy/bench/target/data/export")).toAbsolutePath();
		boolean launcher = args.get("store", "memory").equals("h2");
		// c2: the services without -XX:TieredStopAtLevel=1, to show what the launcher's C1-only JIT costs
		List<String> serviceFlags = args.get("jit", "c1").equals("c2") ? InMemoryPlatform.SERVICE_FLAGS_C2 : InMemoryPlatform.SERVICE_FLAGS;
		Bench.say("Export bench on " + Bench.machine() + ", load average " + Bench.load());
		if (launcher) {
			try (Platform platform = Platform.start(data, !args.flag("reuse"), environment);
					MongoClient mongo = MongoClients.create(platform.mongo())) {
				Bench.say("Platform: " + platform.description());
				bench(platform.gateway(), platform.indicatorService(),
						URI.create("http://localhost:" + (platform.gateway().getPort() + 3)), mongo).run(formats);
			}
		}
		else if (args.get("upstream", "indicator-service").equals("synthetic")) {
			Map<String, String> catalogue = new LinkedHashMap<>();
			SyntheticIndicatorService.CATALOGUE.forEach(indicator -> catalogue.put(indicator.get(0), indicator.get(3)));
			Rows rows = new Rows(catalogue);
			Bench.say(String.format(Locale.ROOT, "Rendering %,d rows as the indicator-service's CSV in memory ...", rows.size()));
			try (SyntheticIndicatorService upstream = new SyntheticIndicatorService(rows);
					InMemoryPlatform platform = InMemoryPlatform.start(data, environment, upstream.uri(), serviceFlags);
					MongoClient mongo = MongoClients.create(platform.mongo())) {
				Api api = new Api(platform.gateway(), Bench.CLIENT);
				new ExportBench(api, platform.gateway(), null, platform.exportService(), mongo, rows, List.copyOf(catalogue.keySet()))
					.run(formats);
			}
		}
		else {
			try (InMemoryPlatform platform = InMemoryPlatform.start(data, environment, null, serviceFlags);
					MongoClient mongo = MongoClients.create(platform.mongo())) {
				bench(platform.gateway(), platform.indicatorService(), platform.exportService(), mongo).run(formats);
			}
		}
	}

	private static ExportBench bench(URI gateway, URI indicatorService, URI exportService, MongoClient mongo) {
		Api api = new Api(gateway, Bench.CLIENT);
		Map<String, String> catalogue = new LinkedHashMap<>();
		for (JsonNode node : api.json(api.get(gateway, "/api/v1/indicators"))) {
			catalogue.put(node.get("code").asString(), node.get("kind").asString());
		}
		return new ExportBench(api, gateway, indicatorService, exportService, mongo, new Rows(catalogue),
				List.copyOf(catalogue.keySet()));
	}

	private void run(String[] formats) {
		long expected = this.rows.size();
		if (this.indicatorService != null) {
			ensureRegions();
			load();
			expected = this.mongo.getDatabase("indicator")
				.getCollection("cells")
				.countDocuments(Filters.and(Filters.ne("reported", null), Filters.regex("region", "^34"),
						Filters.regex("period", "^(200\\d|201\\d|202[0-4])")));
		}
		Bench.say(String.format(Locale.ROOT, "Exporting %,d rows (%d indicators, region %s and below, periods 2000–2024) as %s",
				expected, this.indicators.size(), REGION, String.join(", ", formats)));
		warmUp();
		Map<String, Double> seconds = new LinkedHashMap<>();
		for (String format : formats) {
			seconds.put(format, export(format.strip(), expected));
		}
		Bench.print("Exports through the gateway as " + Bench.CLIENT + " (export-service: -Xmx256m, as the launcher runs it):", this.results);
		Bench.print("CPU time during each export (the services' process.cpu.time; with --store=h2 the MongoDB server runs in the launcher, not the bench):",
				this.cpuTable);
		System.out.println();
		if (seconds.containsKey("csv") && seconds.containsKey("xlsx")) {
			System.out.printf(Locale.ROOT, "XLSX time / CSV time = %.2f (goal <= 3)%n", seconds.get("xlsx") / seconds.get("csv"));
		}
		System.out.println("Goals: both finish under -Xmx256m; XLSX time <= 3 x CSV time; CSV >= 100,000 rows/s end to end.");
		Bench.say("Load average at the end " + Bench.load());
	}

	/**
	 * One export per format first, not measured: the consumer group settles, the first token is fetched,
	 * classes load, and — against the real indicator-service — the read path is compiled: one indicator of
	 * the whole province over the 25 years (55,800 rows, ~3,000 lookups), or the JIT of the store and the
	 * services would still be compiling it during the measured export. What a running platform has long done.
	 */
	private void warmUp() {
		// the synthetic upstream answers the province with all its rows whatever the indicator: a county there
		boolean readPath = this.indicatorService != null;
		for (String format : List.of("csv", "xlsx")) {
			String body = String.format(Locale.ROOT, "{\"format\":\"%s\",\"indicator\":\"%s\",\"region\":\"%s\",\"from\":\"%s\",\"to\":\"2024\"}",
					format, this.indicators.get(0), readPath ? REGION : Rows.COUNTIES.get(0), readPath ? "2000" : "2024");
			HttpResponse<String> accepted = this.api.send(this.api.postJson(this.gateway, "/api/v1/exports", body));
			String id = Api.JSON.readTree(accepted.body()).get("id").asString();
			while (List.of("QUEUED", "RUNNING")
				.contains(this.api.json(this.api.get(this.gateway, "/api/v1/exports/" + id)).get("status").asString())) {
				Bench.sleep(200);
			}
		}
		Bench.say(readPath ? "Warmed up with two exports of one indicator of the province" : "Warmed up with two small exports");
	}

	/** One export, from the request to DONE, with the export-service's heap sampled all along. */
	private double export(String format, long expected) {
		String body = String.format(Locale.ROOT, "{\"format\":\"%s\",\"indicators\":%s,\"region\":\"%s\",\"from\":\"2000\",\"to\":\"2024\"}",
				format, Api.JSON.writeValueAsString(this.indicators), REGION);
		HeapSampler heap = new HeapSampler();
		Thread sampler = new Thread(heap, "heap-sampler");
		double benchLiveBefore = benchLiveHeap();
		double benchCpu = benchCpuSeconds();
		double storeCpu = storeThreadsCpuSeconds();
		double exportCpu = cpuSeconds(this.exportService);
		double indicatorCpu = this.indicatorService == null ? 0 : cpuSeconds(this.indicatorService);
		long[] gcBefore = gcCounts();
		sampler.start();
		long started = System.nanoTime();
		HttpResponse<String> accepted = this.api.send(this.api.postJson(this.gateway, "/api/v1/exports", body));
		if (accepted.statusCode() != 202) {
			throw new IllegalStateException("Export refused: " + accepted.statusCode() + " " + accepted.body());
		}
		String id = Api.JSON.readTree(accepted.body()).get("id").asString();
		JsonNode job;
		int lastProgress = -1;
		while (true) {
			job = this.api.json(this.api.get(this.gateway, "/api/v1/exports/" + id));
			String status = job.get("status").asString();
			if (!status.equals("QUEUED") && !status.equals("RUNNING")) {
				break;
			}
			int progress = job.get("progress").asInt();
			if (progress / 25 != lastProgress / 25) {
				Bench.say(String.format(Locale.ROOT, "  %s: %s, %d %%, %,d rows", format, status, progress, job.get("rows").asLong()));
				lastProgress = progress;
			}
			Bench.sleep(200);
		}
		double endToEnd = (System.nanoTime() - started) / 1e9;
		heap.stop();
		join(sampler);
		exportCpu = cpuSeconds(this.exportService) - exportCpu;
		benchCpu = benchCpuSeconds() - benchCpu;
		storeCpu = storeThreadsCpuSeconds() - storeCpu;
		indicatorCpu = this.indicatorService == null ? 0 : cpuSeconds(this.indicatorService) - indicatorCpu;
		long[] gcAfter = gcCounts();
		double benchLiveAfter = benchLiveHeap();
		if (!job.get("status").asString().equals("DONE")) {
			throw new IllegalStateException("Export " + format + " ended " + job);
		}
		long rows = job.get("rows").asLong();
		long size = job.get("size").asLong();
		double run = Duration.between(Instant.parse(job.get("startedAt").asString()), Instant.parse(job.get("finishedAt").asString()))
			.toMillis() / 1000.0;
		Download download = download(id);
		if (download.bytes() != size) {
			throw new IllegalStateException("Downloaded " + download.bytes() + " bytes of " + size);
		}
		if (format.equals("csv") && download.lines() != rows + 1) {
			throw new IllegalStateException("The CSV has " + download.lines() + " lines for " + rows + " rows");
		}
		if (rows != expected) {
			Bench.say(String.format(Locale.ROOT, "  note: %,d rows exported, %,d stored in range", rows, expected));
		}
		this.results.row(format, Table.number(rows), String.format(Locale.ROOT, "%.1f", run),
				String.format(Locale.ROOT, "%.1f", endToEnd), Table.number(rows / endToEnd), megabytes(size),
				String.format(Locale.ROOT, "%.1f", download.seconds()), megabytes(heap.peak()), megabytes(heap.max()),
				(gcAfter[0] - gcBefore[0]) + " / " + (gcAfter[1] - gcBefore[1]));
		this.cpuTable.row(format, String.format(Locale.ROOT, "%.1f", exportCpu), String.format(Locale.ROOT, "%.1f", indicatorCpu),
				String.format(Locale.ROOT, "%.1f", benchCpu), String.format(Locale.ROOT, "%.1f", storeCpu),
				megabytes(benchLiveBefore) + " / " + megabytes(heap.benchPeak()) + " / " + megabytes(benchLiveAfter));
		Bench.say(String.format(Locale.ROOT, "  %s: %,d rows in %.1f s (%,.0f rows/s end to end), %s, peak heap %s of %s", format, rows,
				endToEnd, rows / endToEnd, megabytes(size), megabytes(heap.peak()), megabytes(heap.max())));
		return endToEnd;
	}

	private record Download(long bytes, long lines, double seconds) {
	}

	/** Streams the file through the gateway as a user downloads it, counting bytes and lines. */
	private Download download(String id) {
		long started = System.nanoTime();
		HttpRequest request = this.api.get(this.gateway, "/api/v1/exports/" + id + "/file");
		try {
			HttpResponse<InputStream> response = this.api.http().send(request, HttpResponse.BodyHandlers.ofInputStream());
			if (response.statusCode() != 200) {
				throw new IllegalStateException("Download answered " + response.statusCode());
			}
			long bytes = 0;
			long lines = 0;
			byte[] buffer = new byte[1 << 16];
			try (InputStream in = response.body()) {
				for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
					bytes += n;
					for (int i = 0; i < n; i++) {
						if (buffer[i] == '\n') {
							lines++;
						}
					}
				}
			}
			return new Download(bytes, lines, (System.nanoTime() - started) / 1e9);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Samples the export-service's heap in use every 100 ms; keeps the peak. */
	private final class HeapSampler implements Runnable {

		private final AtomicBoolean running = new AtomicBoolean(true);

		private volatile double peak;

		private volatile double max;

		private volatile double benchPeak;

		@Override
		public void run() {
			this.max = metric("jvm.memory.max?tag=area:heap");
			Runtime bench = Runtime.getRuntime();
			while (this.running.get()) {
				this.peak = Math.max(this.peak, metric("jvm.memory.used?tag=area:heap"));
				this.benchPeak = Math.max(this.benchPeak, bench.totalMemory() - bench.freeMemory());
				Bench.sleep(100);
			}
		}

		/** The bench JVM's heap in use (live data and garbage), at its highest: the store must not hold a whole export. */
		double benchPeak() {
			return this.benchPeak;
		}

		void stop() {
			this.running.set(false);
		}

		double peak() {
			return this.peak;
		}

		double max() {
			return this.max;
		}

	}

	/** Young and old collections of the export-service so far (SerialGC: "end of minor/major GC"). */
	private long[] gcCounts() {
		long minor = 0;
		long major = 0;
		JsonNode pauses = this.api.json(HttpRequest.newBuilder(this.exportService.resolve("/actuator/metrics/jvm.gc.pause")).build());
		for (JsonNode tag : pauses.get("availableTags")) {
			if (tag.get("tag").asString().equals("action")) {
				for (JsonNode action : tag.get("values")) {
					long count = (long) metric("jvm.gc.pause?tag=action:" + action.asString().replace(" ", "%20"), "COUNT");
					if (action.asString().contains("minor")) {
						minor += count;
					}
					else {
						major += count;
					}
				}
			}
		}
		return new long[] { minor, major };
	}

	private double metric(String nameAndQuery) {
		return metric(this.exportService, nameAndQuery, "VALUE");
	}

	private double metric(String nameAndQuery, String statistic) {
		return metric(this.exportService, nameAndQuery, statistic);
	}

	/**
	 * The bench JVM's live heap (after a full collection): with the in-memory store, the stored documents.
	 * Taken before and after each export, outside the timed part.
	 */
	private static double benchLiveHeap() {
		System.gc();
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

	/**
	 * CPU seconds the MongoDB-wire server's own threads ({@code mongo-server-worker…}: decoding commands,
	 * finding, projecting and encoding documents) have used so far — the store's work without the
	 * collector of the bench JVM's heap, which holds the whole in-memory database.
	 */
	private static double storeThreadsCpuSeconds() {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		long nanos = 0;
		for (ThreadInfo thread : threads.getThreadInfo(threads.getAllThreadIds())) {
			if (thread != null && thread.getThreadName().startsWith("mongo-server-worker")) {
				nanos += Math.max(0, threads.getThreadCpuTime(thread.getThreadId()));
			}
		}
		return nanos / 1e9;
	}

	/** CPU seconds this JVM has used so far: with the in-memory store, mostly the MongoDB-wire server. */
	private static double benchCpuSeconds() {
		return ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(0L) / 1e9;
	}

	/** CPU seconds a service's JVM has used so far (Micrometer's {@code process.cpu.time}, in nanoseconds). */
	private double cpuSeconds(URI service) {
		return metric(service, "process.cpu.time", "COUNT") / 1e9;
	}

	private double metric(URI service, String nameAndQuery, String statistic) {
		HttpRequest request = HttpRequest.newBuilder(service.resolve("/actuator/metrics/" + nameAndQuery)).build();
		HttpResponse<String> response = this.api.send(request);
		if (response.statusCode() != 200) {
			return 0;
		}
		for (JsonNode measurement : Api.JSON.readTree(response.body()).get("measurements")) {
			if (measurement.get("statistic").asString().equals(statistic)) {
				return measurement.get("value").asDouble();
			}
		}
		return 0;
	}

	/** The bench cities and counties, added through the API if missing. */
	private void ensureRegions() {
		List<String> regions = new ArrayList<>(Rows.CITIES);
		regions.addAll(Rows.COUNTIES);
		for (String code : regions) {
			if (this.api.send(this.api.get(this.gateway, "/api/v1/regions/" + code)).statusCode() == 200) {
				continue;
			}
			boolean city = code.endsWith("00");
			String body = String.format("{\"code\":\"%s\",\"name\":\"%s\",\"nameEn\":\"Bench %s\",\"parent\":\"%s\"}", code,
					city ? "基准市" + code.substring(2, 4) : "基准县" + code.substring(2), code, city ? REGION : code.substring(0, 4) + "00");
			HttpResponse<String> response = this.api.send(this.api.postJson(this.gateway, "/api/v1/regions", body));
			if (response.statusCode() != 201) {
				throw new IllegalStateException("Could not add region " + code + ": " + response.statusCode() + " " + response.body());
			}
		}
	}

	/**
	 * Inserts the bench rows as reported county cells, in batches; a batch whose last row is already
	 * stored is skipped, so an interrupted load resumes.
	 */
	private void load() {
		MongoCollection<Document> cells = this.mongo.getDatabase("indicator").getCollection("cells");
		long started = System.nanoTime();
		long inserted = 0;
		Date recordedAt = new Date();
		for (long from = 0; from < this.rows.size(); from += INSERT_BATCH) {
			long to = Math.min(from + INSERT_BATCH, this.rows.size());
			Row last = this.rows.row(to - 1);
			// find, not count: the local store answers a count by scanning, a find by _id from its index
			if (cells.find(Filters.eq("_id", key(last))).projection(new Document("_id", 1)).first() != null) {
				continue;
			}
			List<Document> batch = new ArrayList<>(INSERT_BATCH);
			for (long i = from; i < to; i++) {
				batch.add(cell(this.rows.row(i), recordedAt));
			}
			try {
				cells.insertMany(batch, new InsertManyOptions().ordered(false));
			}
			catch (MongoBulkWriteException ex) {
				// rows of a batch a previous run stopped in the middle of
			}
			inserted += batch.size();
			if (inserted % 100_000 < INSERT_BATCH) {
				Bench.say(String.format(Locale.ROOT, "  loaded %,d of %,d rows", to, this.rows.size()));
			}
		}
		if (inserted > 0) {
			Bench.say(String.format(Locale.ROOT, "Loaded %,d rows into indicator.cells in %.0f s", inserted,
					(System.nanoTime() - started) / 1e9));
		}
	}

	private static String key(Row row) {
		return row.indicator() + "|" + row.region() + "|" + row.period();
	}

	/**
	 * A county cell with one reported revision, field for field as the indicator-service's
	 * {@code CellStore.toDocument} writes it (numbers as exact decimal strings; a rate's value is
	 * numerator × 100 / denominator to 16 significant digits, as {@code Figures.ratio} computes it).
	 */
	static Document cell(Row row, Date recordedAt) {
		String value = row.rate()
				? BigDecimal.valueOf(row.numerator())
					.multiply(BigDecimal.valueOf(100))
					.divide(BigDecimal.valueOf(row.denominator()), new MathContext(16))
					.stripTrailingZeros()
					.toPlainString()
				: Long.toString(row.value());
		Document source = new Document("type", "CLIENT").append("id", "export-bench")
			.append("text", null)
			.append("start", null)
			.append("end", null);
		Document revision = new Document("revision", 1).append("value", value)
			.append("numerator", row.rate() ? Long.toString(row.numerator()) : null)
			.append("denominator", row.rate() ? Long.toString(row.denominator()) : null)
			.append("source", source)
			.append("recordedAt", recordedAt)
			.append("flagged", false);
		return new Document("_id", key(row)).append("indicator", row.indicator())
			.append("region", row.region())
			.append("period", row.period())
			.append("county", true)
			.append("reported", revision)
			.append("history", List.of(revision))
			.append("parts", new Document())
			.append("version", 1L);
	}

	/** One observation of the bench: a value, or numerator and denominator for a rate. */
	record Row(String indicator, String region, String period, long value, long numerator, long denominator, boolean rate) {
	}

	/**
	 * The bench rows, always the same: row {@code i} is computed from {@code i} alone, indicator by
	 * indicator, county by county, month by month from 200001 to 202412.
	 */
	static final class Rows {

		static final List<String> CITIES = List.of("340100", "340200", "340300", "340400", "340500", "340600");

		static final List<String> COUNTIES = CITIES.stream()
			.flatMap(city -> java.util.stream.IntStream.rangeClosed(1, 31)
				.mapToObj(n -> city.substring(0, 4) + String.format(Locale.ROOT, "%02d", n)))
			.toList();

		static final int MONTHS = 25 * 12;

		private final List<Map.Entry<String, String>> indicators;

		Rows(Map<String, String> kindByIndicator) {
			this.indicators = List.copyOf(kindByIndicator.entrySet());
		}

		long size() {
			return (long) this.indicators.size() * COUNTIES.size() * MONTHS;
		}

		Row row(long index) {
			long perIndicator = (long) COUNTIES.size() * MONTHS;
			Map.Entry<String, String> indicator = this.indicators.get((int) (index / perIndicator));
			int county = (int) (index % perIndicator / MONTHS);
			int month = (int) (index % MONTHS);
			String period = String.format(Locale.ROOT, "%d%02d", 2000 + month / 12, month % 12 + 1);
			long h = Long.hashCode(index * 0x9E3779B97F4A7C15L) & 0x7fffffff;
			long scale = 200 + county * 37 % 400;
			return switch (indicator.getValue()) {
				case "RATE" -> {
					long denominator = 100 + scale + h % 300;
					yield new Row(indicator.getKey(), COUNTIES.get(county), period, 0, denominator * (80 + h % 20) / 100, denominator,
							true);
				}
				case "STOCK" -> new Row(indicator.getKey(), COUNTIES.get(county), period, scale * 10 + h % 50, 0, 0, false);
				default -> new Row(indicator.getKey(), COUNTIES.get(county), period, scale * 40 + h % 2_000, 0, 0, false);
			};
		}

	}

	private static String megabytes(double bytes) {
		return String.format(Locale.ROOT, "%.1f MB", bytes / 1024 / 1024);
	}

	private static void join(Thread thread) {
		try {
			thread.join();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
