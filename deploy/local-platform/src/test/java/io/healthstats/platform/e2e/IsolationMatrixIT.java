package io.healthstats.platform.e2e;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;

import io.healthstats.platform.e2e.ApiDocs.Endpoint;
import io.healthstats.platform.e2e.GatewayCalls.Answer;
import io.healthstats.platform.e2e.GatewayCalls.Call;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * OWASP API1 (broken object level authorization), proved through the real gateway: every endpoint
 * the services document × every demo client × a region or object that client does not own. The
 * endpoints come from the services' OpenAPI documents, so an endpoint nobody classified here fails
 * the matrix instead of slipping through it.
 *
 * <p>A foreign region or object must get 403 or 404 problem+json that is, apart from the id asked
 * for, the very answer a region or object that does not exist gets, so a client cannot even learn
 * that it exists. A refused write is read back with a token that may see it: it stored nothing.
 * Reference data (the region tree, the indicator catalogue) is the same for every client.
 */
class IsolationMatrixIT {

	private static final String PROBE_PERIOD = "201901";

	private static final String PROBE_TEXT = "一、工作总结\n(一)医疗服务。全县基层医疗机构共接诊患者12.6万人次。\n";

	/** Every write case leaves a marker of its own (a value, a title) that the read-back looks for. */
	private static final AtomicInteger MARKERS = new AtomicInteger();

	private static Targets targets;

	private final GatewayCalls calls = new GatewayCalls(RunningPlatform.shared());

	private final Map<String, Probe> probes = probes();

	@TestFactory
	Stream<DynamicNode> everyEndpointRefusesEveryClientWhatItDoesNotOwn() {
		List<Endpoint> endpoints = ApiDocs.endpoints(this.calls);
		Targets objects = targets();
		assertThat(endpoints).as("documented endpoints").extracting(Endpoint::service)
			.contains("indicator-service", "report-service");
		List<DynamicNode> nodes = new ArrayList<>();
		for (Endpoint endpoint : endpoints) {
			Probe probe = this.probes.get(endpoint.key());
			if (probe == null) {
				nodes.add(DynamicTest.dynamicTest(endpoint.service() + " " + endpoint + " is classified", () -> {
					throw new AssertionError(endpoint.service() + " documents " + endpoint + ", which the isolation matrix does not know: "
							+ "add a probe to IsolationMatrixIT that tries it with a region or object each client does not own.");
				}));
				continue;
			}
			List<DynamicNode> perClient = new ArrayList<>();
			for (DemoClient client : DemoClient.ALL) {
				List<DynamicTest> cases = probe.cases(endpoint, client, objects);
				if (!cases.isEmpty()) {
					perClient.add(DynamicContainer.dynamicContainer(client.id(), cases));
				}
			}
			nodes.add(DynamicContainer.dynamicContainer(endpoint.service() + " " + endpoint, perClient));
		}
		return nodes.stream();
	}

	@Test
	void theCityClientSeesEveryCountyBeneathIt() {
		Targets objects = targets();
		for (String county : DemoClient.COUNTIES) {
			JsonNode report = this.calls.get("city-341500", "/api/v1/reports/" + objects.draft(county)).json(200);
			assertThat(report.get("region").asString()).isEqualTo(county);
			JsonNode series = this.calls
				.get("city-341500", "/api/v1/indicators/BIRTHS/series?region=" + county + "&from=2024&to=2024&granularity=YEAR")
				.json(200);
			assertThat(series.get("points").get(0).get("value").isNull()).as("births 2024 of " + county).isFalse();
		}
		JsonNode breakdown = this.calls.get("city-341500", "/api/v1/indicators/BIRTHS/breakdown?region=341500&period=2024").json(200);
		assertThat(breakdown.get("items").findValuesAsString("region")).containsAll(DemoClient.COUNTIES);
		JsonNode listed = this.calls.get("city-341500", "/api/v1/reports?region=341500&period=2019&size=100").json(200);
		assertThat(listed.get("content").findValuesAsString("region")).containsAll(DemoClient.COUNTIES).contains("341500");
		assertThat(listed.get("content").findValuesAsString("region")).doesNotContain("340000");
		// and the province sees the city's own report
		this.calls.get("province-340000", "/api/v1/reports/" + objects.draft(DemoClient.CITY)).json(200);
	}

	// ---------------------------------------------------------------------------------------------
	// The probes: how each endpoint is tried with what a client does not own.

	private Map<String, Probe> probes() {
		Map<String, Probe> probes = new LinkedHashMap<>();
		// indicator-service: the region tree and the catalogue are public reference data (GB/T 2260 is a
		// published standard), the same for every client; everything with numbers is scoped.
		probes.put("GET /api/v1/regions", sameForEveryClient(region -> "/api/v1/regions?parent=" + region));
		probes.put("GET /api/v1/regions/{code}", sameForEveryClient(region -> "/api/v1/regions/" + region));
		probes.put("GET /api/v1/indicators", sameForEveryClient(region -> "/api/v1/indicators"));
		probes.put("GET /api/v1/indicators/{code}", sameForEveryClient(region -> "/api/v1/indicators/BIRTHS"));
		probes.put("POST /api/v1/regions", this::addRegion);
		probes.put("GET /api/v1/observations", (endpoint, client, objects) -> concat(
				refusedRegion(client, region -> get("/api/v1/observations?indicator=BIRTHS&period=202401&region=" + region)),
				refusedRegion(client, region -> get("/api/v1/observations?subtree=true&from=2024&to=2025&region=" + region)),
				// the streamed CSV that exports read: the same refusal, and only the client's own rows
				refusedRegion(client, region -> get("/api/v1/observations?subtree=true&from=2024&to=2025&region=" + region)
					.header("Accept", "text/csv")),
				List.of(onlyOwnSubtree(client, "/api/v1/observations?indicator=BIRTHS&period=202401", "/region", true),
						onlyOwnRowsInCsv(client, "/api/v1/observations?indicator=BIRTHS&from=2024&to=2025"))));
		probes.put("POST /api/v1/observations", this::writeObservations);
		probes.put("GET /api/v1/indicators/{code}/series", (endpoint, client, objects) -> refusedRegion(client,
				region -> get("/api/v1/indicators/BIRTHS/series?from=2024&to=2024&granularity=YEAR&region=" + region)));
		probes.put("GET /api/v1/indicators/{code}/breakdown", (endpoint, client, objects) -> refusedRegion(client,
				region -> get("/api/v1/indicators/BIRTHS/breakdown?period=2024&region=" + region)));
		probes.put("GET /api/v1/completeness", (endpoint, client, objects) -> refusedRegion(client,
				region -> get("/api/v1/completeness?period=2024Q1&region=" + region)));
		// report-service: every report belongs to a region; reading, editing and each workflow step
		probes.put("GET /api/v1/reports", (endpoint, client, objects) -> concat(
				refusedRegion(client, region -> get("/api/v1/reports?region=" + region)),
				List.of(onlyOwnSubtree(client, "/api/v1/reports?size=100", "/region", true))));
		probes.put("POST /api/v1/reports", this::createReport);
		for (String read : List.of("", "/versions", "/versions/1", "/sections", "/figures", "/history", "/observations")) {
			String template = "/api/v1/reports/{id}" + read.replace("/1", "/{version}");
			probes.put("GET " + template, (endpoint, client, objects) -> refusedReport(client, objects, false,
					id -> get("/api/v1/reports/" + id + read)));
		}
		probes.put("PUT /api/v1/reports/{id}", this::editReport);
		probes.put("POST /api/v1/reports/{id}/submit", (endpoint, client, objects) -> step(client, objects, "submit", false));
		probes.put("POST /api/v1/reports/{id}/approve", (endpoint, client, objects) -> step(client, objects, "approve", true));
		probes.put("POST /api/v1/reports/{id}/return", (endpoint, client, objects) -> step(client, objects, "return", true));
		probes.put("POST /api/v1/reports/{id}/publish", (endpoint, client, objects) -> step(client, objects, "publish", true));
		// export-service: a job belongs to the region of the client that asked for it; asking is a read,
		// so the read-only partner may export too, but only from its own subtree
		probes.put("GET /api/v1/exports", (endpoint, client, objects) -> List.of(onlyOwnSubtree(client, "/api/v1/exports",
				"/query/region", false)));
		probes.put("POST /api/v1/exports", this::requestExport);
		probes.put("GET /api/v1/exports/{id}", (endpoint, client, objects) -> refusedExport(client, objects, ""));
		probes.put("GET /api/v1/exports/{id}/file", (endpoint, client, objects) -> refusedExport(client, objects, "/file"));
		return probes;
	}

	private Probe sameForEveryClient(Function<String, String> path) {
		return (endpoint, client, objects) -> client.foreignRegions().stream().map(region -> DynamicTest.dynamicTest(
				"the same for every client: " + path.apply(region), () -> {
					Answer reference = this.calls.get("province-340000", path.apply(region));
					Answer answer = this.calls.get(client.id(), path.apply(region));
					assertThat(answer.status()).as(answer.toString()).isEqualTo(reference.status()).isLessThan(500);
					assertThat(answer.json()).as(answer.toString()).isEqualTo(reference.json());
				})).toList();
	}

	private List<DynamicTest> addRegion(Endpoint endpoint, DemoClient client, Targets objects) {
		List<DynamicTest> cases = new ArrayList<>();
		for (String parent : parentsOutside(client)) {
			String code = childCode(parent);
			String missingParent = DemoClient.missingLike(parent);
			cases.add(refused(client, "add a region under " + parent,
					newRegion(client, code, parent), parent,
					newRegion(client, childCode(missingParent), missingParent), missingParent,
					Set.of(403, 404), () -> assertRegionAbsent(code)));
		}
		// only the national platform adds provinces; a province is not above its neighbours
		cases.add(refused(client, "add the province " + DemoClient.OTHER_PROVINCE, newRegion(client, DemoClient.OTHER_PROVINCE, null),
				DemoClient.OTHER_PROVINCE, newRegion(client, "360000", null), "360000", Set.of(403, 404),
				() -> assertRegionAbsent(DemoClient.OTHER_PROVINCE)));
		if (!client.writes()) {
			cases.add(readOnly(client, "add a region under its own " + DemoClient.CITY,
					newRegion(client, "341598", DemoClient.CITY), () -> assertRegionAbsent("341598")));
		}
		return cases;
	}

	/** Foreign parents a region could be added under; a county has no children, so its city and province. */
	private static List<String> parentsOutside(DemoClient client) {
		List<String> parents = new ArrayList<>();
		for (String region : client.foreignRegions()) {
			if (region.endsWith("00")) {
				parents.add(region);
			}
		}
		return parents;
	}

	private static String childCode(String parent) {
		if (parent.endsWith("0000")) {
			return parent.substring(0, 2) + "9900";
		}
		return parent.substring(0, 4) + "98";
	}

	private static Call newRegion(DemoClient client, String code, String parent) {
		Map<String, String> region = new LinkedHashMap<>();
		region.put("code", code);
		region.put("name", "隔离探针区");
		if (parent != null) {
			region.put("parent", parent);
		}
		return Call.of("POST", "/api/v1/regions").as(client.id()).body("application/json", GatewayCalls.JSON.writeValueAsString(region));
	}

	private void assertRegionAbsent(String code) {
		assertThat(this.calls.get("province-340000", "/api/v1/regions/" + code).status()).as("region " + code + " stored").isEqualTo(404);
	}

	private List<DynamicTest> writeObservations(Endpoint endpoint, DemoClient client, Targets objects) {
		List<DynamicTest> cases = new ArrayList<>();
		for (String type : endpoint.consumes()) {
			for (String region : client.foreignRegions()) {
				int marker = 900_000 + MARKERS.incrementAndGet();
				String missing = DemoClient.missingLike(region);
				cases.add(refused(client, type + " row for " + region, observations(client, type, region, marker), region,
						observations(client, type, missing, marker), missing,
						// a batch answers per row: every row refused is 422 with the row's reason
						Set.of(403, 404, 422), () -> assertNoObservation(region, marker)));
			}
			if (!client.writes()) {
				int marker = 900_000 + MARKERS.incrementAndGet();
				cases.add(readOnly(client, type + " row for its own 341523", observations(client, type, "341523", marker),
						() -> assertNoObservation("341523", marker)));
			}
		}
		return cases;
	}

	private static Call observations(DemoClient client, String type, String region, int value) {
		String body = switch (type) {
			case "text/csv" -> "indicator,region,period,value\nBIRTHS," + region + "," + PROBE_PERIOD + "," + value + "\n";
			case "application/x-ndjson" -> row(region, value) + "\n";
			default -> "[" + row(region, value) + "]";
		};
		return Call.of("POST", "/api/v1/observations").as(client.id()).body(type, body);
	}

	private static String row(String region, int value) {
		return "{\"indicator\":\"BIRTHS\",\"region\":\"" + region + "\",\"period\":\"" + PROBE_PERIOD + "\",\"value\":" + value + "}";
	}

	private void assertNoObservation(String region, int marker) {
		String reader = DemoClient.owner(region);
		if (reader == null) {
			return; // outside the demo tree no client could read it back; the refusal is all there is
		}
		JsonNode rows = this.calls.get(reader, "/api/v1/observations?indicator=BIRTHS&region=" + region + "&period=" + PROBE_PERIOD)
			.json(200);
		assertThat(GatewayCalls.items(rows).findValuesAsString("value")).as("observations of " + region).doesNotContain(Integer.toString(marker));
	}

	private List<DynamicTest> createReport(Endpoint endpoint, DemoClient client, Targets objects) {
		List<DynamicTest> cases = new ArrayList<>();
		for (String type : endpoint.consumes()) {
			for (String region : client.foreignRegions()) {
				String title = "隔离探针 " + MARKERS.incrementAndGet();
				String missing = DemoClient.missingLike(region);
				cases.add(refused(client, type + " report of " + region, newReport(client, type, region, title), region,
						newReport(client, type, missing, title), missing, Set.of(403, 404), () -> assertNoReportTitled(region, title)));
			}
			if (!client.writes()) {
				String title = "隔离探针 " + MARKERS.incrementAndGet();
				cases.add(readOnly(client, type + " report of its own 341523", newReport(client, type, "341523", title),
						() -> assertNoReportTitled("341523", title)));
			}
		}
		return cases;
	}

	private static Call newReport(DemoClient client, String type, String region, String title) {
		if (type.startsWith("multipart/")) {
			Multipart form = new Multipart().field("title", title).field("region", region).field("period", "2019")
				.field("kind", "ANNUAL_SUMMARY").file("file", "probe.txt", "text/plain", PROBE_TEXT.getBytes(StandardCharsets.UTF_8));
			return Call.of("POST", "/api/v1/reports").as(client.id()).body(form.contentType(), form.bytes());
		}
		if (type.startsWith("text/")) {
			return Call.of("POST", "/api/v1/reports?kind=ANNUAL_SUMMARY&period=2019&region=" + region + "&title=" + encode(title))
				.as(client.id()).body("text/plain;charset=UTF-8", PROBE_TEXT);
		}
		return Call.of("POST", "/api/v1/reports").as(client.id()).body("application/json", GatewayCalls.JSON.writeValueAsString(
				Map.of("title", title, "region", region, "period", "2019", "kind", "ANNUAL_SUMMARY", "text", PROBE_TEXT)));
	}

	private void assertNoReportTitled(String region, String title) {
		String reader = DemoClient.owner(region);
		if (reader == null) {
			return;
		}
		JsonNode page = this.calls.get(reader, "/api/v1/reports?period=2019&size=100&region=" + region).json(200);
		assertThat(page.get("content").findValuesAsString("title")).as("reports of " + region).doesNotContain(title);
	}

	private List<DynamicTest> refusedReport(DemoClient client, Targets objects, boolean submitted, Function<String, Call> call) {
		List<DynamicTest> cases = new ArrayList<>();
		for (String region : client.foreignRegions()) {
			String id = objects.report(region, submitted);
			String missing = UUID.randomUUID().toString();
			cases.add(refused(client, "report of " + region, call.apply(id).as(client.id()), id, call.apply(missing).as(client.id()),
					missing, Set.of(403, 404), () -> {
					}));
		}
		return cases;
	}

	private List<DynamicTest> editReport(Endpoint endpoint, DemoClient client, Targets objects) {
		List<DynamicTest> cases = new ArrayList<>();
		for (String type : endpoint.consumes()) {
			for (String region : client.foreignRegions()) {
				String id = objects.draft(region);
				String missing = UUID.randomUUID().toString();
				String title = "隔离探针 " + MARKERS.incrementAndGet();
				cases.add(refused(client, type + " edit of a report of " + region, edit(client, type, id, title), id,
						edit(client, type, missing, title), missing, Set.of(403, 404), () -> assertUnchanged(objects, region, false)));
			}
			if (!client.writes()) {
				String title = "隔离探针 " + MARKERS.incrementAndGet();
				cases.add(readOnly(client, type + " edit of a report of its own 341523", edit(client, type, objects.draft("341523"), title),
						() -> assertUnchanged(objects, "341523", false)));
			}
		}
		return cases;
	}

	private static Call edit(DemoClient client, String type, String id, String title) {
		Call call = Call.of("PUT", "/api/v1/reports/" + id).as(client.id()).header("If-Match", "\"1\"");
		if (type.startsWith("multipart/")) {
			Multipart form = new Multipart().field("title", title).field("period", "2019").field("kind", "ANNUAL_SUMMARY")
				.file("file", "probe.txt", "text/plain", PROBE_TEXT.getBytes(StandardCharsets.UTF_8));
			return call.body(form.contentType(), form.bytes());
		}
		return call.body("application/json", GatewayCalls.JSON.writeValueAsString(
				Map.of("title", title, "period", "2019", "kind", "ANNUAL_SUMMARY", "text", PROBE_TEXT)));
	}

	private List<DynamicTest> step(DemoClient client, Targets objects, String step, boolean submitted) {
		List<DynamicTest> cases = new ArrayList<>();
		Function<String, Call> call = id -> Call.of("POST", "/api/v1/reports/" + id + "/" + step).as(client.id())
			.body("application/json", "{\"comment\":\"隔离探针\"}");
		for (String region : client.foreignRegions()) {
			String id = objects.report(region, submitted);
			String missing = UUID.randomUUID().toString();
			cases.add(refused(client, step + " a report of " + region, call.apply(id), id, call.apply(missing), missing,
					Set.of(403, 404), () -> assertUnchanged(objects, region, submitted)));
		}
		if (!client.writes()) {
			cases.add(readOnly(client, step + " a report of its own 341523", call.apply(objects.report("341523", submitted)),
					() -> assertUnchanged(objects, "341523", submitted)));
		}
		return cases;
	}

	/** The target report still has its first version, its title and its status, with nothing in its history. */
	private void assertUnchanged(Targets objects, String region, boolean submitted) {
		String owner = DemoClient.owner(region);
		if (owner == null) {
			return;
		}
		JsonNode report = this.calls.get(owner, "/api/v1/reports/" + objects.report(region, submitted)).json(200);
		assertThat(report.get("version").asInt()).as("version").isEqualTo(1);
		assertThat(report.get("title").asString()).as("title").isEqualTo(Targets.title(region, submitted));
		assertThat(report.get("status").asString()).as("status").isEqualTo(submitted ? "SUBMITTED" : "DRAFT");
		JsonNode history = this.calls.get(owner, "/api/v1/reports/" + objects.report(region, submitted) + "/history").json(200);
		assertThat(history).as("history").hasSize(submitted ? 2 : 1);
	}

	private List<DynamicTest> requestExport(Endpoint endpoint, DemoClient client, Targets objects) {
		List<DynamicTest> cases = new ArrayList<>();
		for (String region : client.foreignRegions()) {
			String missing = DemoClient.missingLike(region);
			cases.add(refused(client, "export the observations of " + region, observationExport(client, region), region,
					observationExport(client, missing), missing, Set.of(403, 404), () -> assertNoExport(client, "region", region)));
			String report = objects.draft(region);
			String missingReport = UUID.randomUUID().toString();
			cases.add(refused(client, "export a report of " + region, reportExport(client, report), report,
					reportExport(client, missingReport), missingReport, Set.of(403, 404), () -> assertNoExport(client, "report", report)));
		}
		return cases;
	}

	private static Call observationExport(DemoClient client, String region) {
		return Call.of("POST", "/api/v1/exports").as(client.id()).body("application/json", GatewayCalls.JSON.writeValueAsString(
				Map.of("format", "csv", "indicator", "BIRTHS", "region", region, "from", "2024", "to", "2024")));
	}

	private static Call reportExport(DemoClient client, String report) {
		return Call.of("POST", "/api/v1/exports").as(client.id())
			.body("application/json", GatewayCalls.JSON.writeValueAsString(Map.of("format", "docx", "report", report)));
	}

	/** The client's own jobs (the only ones it may list) hold none for the refused region or report. */
	private void assertNoExport(DemoClient client, String field, String value) {
		JsonNode jobs = GatewayCalls.items(this.calls.get(client.id(), "/api/v1/exports").json(200));
		for (JsonNode job : jobs) {
			assertThat(job.path("query").path(field).asString("")).as(job.toString()).isNotEqualTo(value);
		}
	}

	private List<DynamicTest> refusedExport(DemoClient client, Targets objects, String suffix) {
		List<DynamicTest> cases = new ArrayList<>();
		for (String region : client.foreignRegions()) {
			String id = objects.export(region);
			String missing = UUID.randomUUID().toString();
			cases.add(refused(client, "export job of " + region, get("/api/v1/exports/" + id + suffix).as(client.id()), id,
					get("/api/v1/exports/" + missing + suffix).as(client.id()), missing, Set.of(403, 404), () -> {
					}));
		}
		return cases;
	}

	private List<DynamicTest> refusedRegion(DemoClient client, Function<String, Call> call) {
		List<DynamicTest> cases = new ArrayList<>();
		for (String region : client.foreignRegions()) {
			String missing = DemoClient.missingLike(region);
			cases.add(refused(client, "region " + region, call.apply(region).as(client.id()), region,
					call.apply(missing).as(client.id()), missing, Set.of(403, 404), () -> {
					}));
		}
		return cases;
	}

	private DynamicTest onlyOwnSubtree(DemoClient client, String path, String regionPointer, boolean nonEmpty) {
		return DynamicTest.dynamicTest("lists only its own subtree: " + path, () -> {
			JsonNode listed = GatewayCalls.items(this.calls.get(client.id(), path).json(200));
			if (nonEmpty) {
				assertThat(listed).as(path).isNotEmpty();
			}
			for (JsonNode item : listed) {
				assertThat(client.covers(item.at(regionPointer).asString())).as(item.toString()).isTrue();
			}
		});
	}

	private DynamicTest onlyOwnRowsInCsv(DemoClient client, String path) {
		return DynamicTest.dynamicTest("streams only its own subtree as CSV: " + path, () -> {
			Answer answer = this.calls.send(get(path).as(client.id()).header("Accept", "text/csv"));
			assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
			List<String> lines = answer.body().lines().toList();
			assertThat(lines).as(path).hasSizeGreaterThan(1);
			assertThat(lines.get(0)).isEqualTo("indicator,region,period,value,numerator,denominator");
			lines.stream().skip(1).forEach(line -> assertThat(client.covers(line.split(",")[1])).as(line).isTrue());
		});
	}

	// ---------------------------------------------------------------------------------------------
	// The two assertions every case ends in.

	/**
	 * The call for a foreign region or object is refused with the very problem a missing one gets (ids
	 * aside), and nothing was stored.
	 */
	private DynamicTest refused(DemoClient client, String name, Call foreign, String foreignValue, Call missing,
			String missingValue, Set<Integer> statuses, Runnable storedNothing) {
		return DynamicTest.dynamicTest(name, () -> {
			Answer answer = this.calls.send(foreign);
			Answer reference = this.calls.send(missing);
			assertThat(answer.status()).as(answer.toString()).isIn(statuses);
			assertThat(answer.isProblem()).as(answer + " is a problem").isTrue();
			assertThat(answer.status()).as("same status as for a missing one: " + reference).isEqualTo(reference.status());
			assertThat(normalized(answer, foreignValue)).as("reveals nothing beyond " + reference)
				.isEqualTo(normalized(reference, missingValue));
			storedNothing.run();
		});
	}

	/** partner-demo holds only the read scope: inside its own region too, a write is refused and stores nothing. */
	private DynamicTest readOnly(DemoClient client, String name, Call write, Runnable storedNothing) {
		return DynamicTest.dynamicTest("read-only: " + name, () -> {
			Answer answer = this.calls.send(write);
			assertThat(answer.status()).as(answer.toString()).isEqualTo(403);
			assertThat(answer.isProblem()).as(answer + " is a problem").isTrue();
			storedNothing.run();
		});
	}

	private static JsonNode normalized(Answer answer, String asked) {
		return GatewayCalls.JSON.readTree(answer.body().replace(asked, "{asked}").replace(encode(asked), "{asked}"));
	}

	private static Call get(String path) {
		return Call.of("GET", path);
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	@SafeVarargs
	private static List<DynamicTest> concat(List<DynamicTest>... lists) {
		return Stream.of(lists).flatMap(List::stream).toList();
	}

	private synchronized Targets targets() {
		if (targets == null) {
			boolean exports = ApiDocs.endpoints(this.calls).stream().anyMatch(e -> e.key().equals("POST /api/v1/exports"));
			targets = Targets.create(this.calls, exports);
		}
		return targets;
	}

	/** How one endpoint is tried by one client. */
	@FunctionalInterface
	interface Probe {

		List<DynamicTest> cases(Endpoint endpoint, DemoClient client, Targets objects);

	}

	/**
	 * The foreign objects: a DRAFT and a SUBMITTED report of every region of the demo tree, created by
	 * the region's own client, so an edit or a workflow step would succeed if region scoping failed;
	 * and an export job of each (once the export-service has its API).
	 */
	record Targets(Map<String, String> drafts, Map<String, String> submitted, Map<String, String> exports) {

		static Targets create(GatewayCalls calls, boolean withExports) {
			Map<String, String> drafts = new LinkedHashMap<>();
			Map<String, String> submitted = new LinkedHashMap<>();
			Map<String, String> exports = new LinkedHashMap<>();
			List<String> regions = new ArrayList<>(DemoClient.COUNTIES);
			regions.add(DemoClient.CITY);
			regions.add(DemoClient.PROVINCE);
			for (String region : regions) {
				String owner = DemoClient.owner(region);
				drafts.put(region, create(calls, owner, region, false));
				String id = create(calls, owner, region, true);
				calls.postJson(owner, "/api/v1/reports/" + id + "/submit", Map.of()).json(200);
				submitted.put(region, id);
				if (withExports) {
					Call export = observationExport(new DemoClient(owner, region, true), region);
					exports.put(region, calls.send(export).json(202).get("id").asString());
				}
			}
			return new Targets(Map.copyOf(drafts), Map.copyOf(submitted), Map.copyOf(exports));
		}

		private static String create(GatewayCalls calls, String owner, String region, boolean submitted) {
			return calls.postJson(owner, "/api/v1/reports", Map.of("title", title(region, submitted), "region", region,
					"period", "2019", "kind", "ANNUAL_SUMMARY", "text", PROBE_TEXT)).json(201).get("id").asString();
		}

		static String title(String region, boolean submitted) {
			return "隔离目标 " + region + (submitted ? " 已提交" : " 草稿");
		}

		String draft(String region) {
			return report(region, false);
		}

		/** The report of {@code region}; outside the demo tree there is none, so an id that does not exist. */
		String report(String region, boolean submitted) {
			return orMissing((submitted ? this.submitted : this.drafts).get(region), region);
		}

		String export(String region) {
			return orMissing(this.exports.get(region), region);
		}

		private static String orMissing(String id, String region) {
			return (id != null) ? id : "00000000-0000-4000-8000-" + region + "000000";
		}

	}

}
