package io.healthstats.platform.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads the demo data once, through the services' public APIs with tokens from the authorization
 * server, exactly as a county system would: observations for 2024 and 2025 of the seven Lu'an counties
 * (posted by the city, which may enter data for its counties) and one annual summary per county
 * (posted by the county itself). Marker files in {@code <data>/demo} record what is done, so a restart
 * posts nothing twice; what failed (e.g. an endpoint not built yet) is retried on the next start.
 */
public final class DemoData {

	static final String CITY_CLIENT = "city-341500";

	static final String SECRET = "demo-secret";

	private final HttpClient http;

	private final Path markers;

	private final URI authServer;

	private final URI indicatorService;

	private final URI reportService;

	private final JsonMapper json = JsonMapper.builder().build();

	private final Map<String, String> tokens = new HashMap<>();

	public DemoData(HttpClient http, Path markers, URI authServer, URI indicatorService, URI reportService) {
		this.http = http;
		this.markers = markers;
		this.authServer = authServer;
		this.indicatorService = indicatorService;
		this.reportService = reportService;
	}

	/** @return what happened, one line per step, for the console */
	public List<String> loadOnce() {
		List<CountyFigures> counties = County.all(this.json).stream().map(CountyFigures::of).toList();
		List<String> outcome = new ArrayList<>();
		outcome.add(loadObservations(counties));
		outcome.add(loadReports(counties));
		return outcome;
	}

	private String loadObservations(List<CountyFigures> counties) {
		Path marker = this.markers.resolve("observations.loaded");
		if (Files.exists(marker)) {
			return "Demo observations already loaded (" + marker + ")";
		}
		int rows = 0;
		int created = 0;
		int unchanged = 0;
		int rejected = 0;
		String firstRejection = null;
		for (CountyFigures county : counties) {
			for (int year = CountyFigures.FIRST_YEAR; year < CountyFigures.FIRST_YEAR + CountyFigures.YEARS; year++) {
				List<Observation> batch = county.observations(year);
				Answer answer = post(this.indicatorService.resolve("/api/v1/observations"), CITY_CLIENT, batch);
				if (!answer.ok()) {
					return "WARNING: demo observations not loaded (" + county.county().code() + " " + year + "): "
							+ answer.explain("indicator-service", "POST /api/v1/observations") + "; retried on next start";
				}
				rows += batch.size();
				JsonNode result = readQuietly(answer.body());
				created += result.path("created").asInt(0) + result.path("revised").asInt(0);
				unchanged += result.path("unchanged").asInt(0);
				JsonNode refused = result.path("rejected");
				rejected += refused.size();
				if (firstRejection == null && !refused.isEmpty()) {
					int index = refused.get(0).path("index").asInt();
					firstRejection = batch.get(index) + ": " + refused.get(0).path("errors");
				}
			}
		}
		String counts = rows + " demo observations posted (7 counties, monthly and quarterly, 2024-2025): " + created
				+ " stored, " + unchanged + " already there";
		if (rejected > 0) {
			// Writes are idempotent, so posting everything again on the next start is harmless.
			return "WARNING: " + counts + ", " + rejected + " rejected, e.g. " + firstRejection + "; retried on next start";
		}
		mark(marker, counts);
		return counts;
	}

	private String loadReports(List<CountyFigures> counties) {
		int created = 0;
		int already = 0;
		for (CountyFigures county : counties) {
			String code = county.county().code();
			Path marker = this.markers.resolve("report-" + code + ".loaded");
			if (Files.exists(marker)) {
				already++;
				continue;
			}
			Answer answer = post(this.reportService.resolve("/api/v1/reports"), "county-" + code,
					DemoReport.annualSummary(county));
			if (!answer.ok()) {
				return "WARNING: demo reports not loaded (" + code + "): " + answer.explain("report-service", "POST /api/v1/reports")
						+ "; retried on next start" + ((created + already > 0) ? " (" + (created + already) + " of 7 done)" : "");
			}
			// Creating a report is not idempotent, so each county is recorded as soon as it is done.
			mark(marker, answer.location());
			created++;
		}
		if (created == 0) {
			return "Demo reports already loaded (" + already + " counties)";
		}
		return "Loaded " + created + " demo reports (2024 annual summaries)"
				+ ((already > 0) ? ", " + already + " were already there" : "");
	}

	private Answer post(URI uri, String client, Object body) {
		try {
			HttpRequest request = HttpRequest.newBuilder(uri)
				.timeout(Duration.ofSeconds(60))
				.header("Authorization", "Bearer " + token(client))
				.header("Content-Type", "application/json")
				.header("Accept", "application/json, application/problem+json")
				.POST(HttpRequest.BodyPublishers.ofString(this.json.writeValueAsString(body), StandardCharsets.UTF_8))
				.build();
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			return new Answer(response.statusCode(), response.body(), response.headers().firstValue("Location").orElse(""));
		}
		catch (IOException ex) {
			return new Answer(0, ex.toString(), "");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new Answer(0, "interrupted", "");
		}
	}

	/** A client-credentials token from the authorization server, as any client would get one. */
	String token(String client) throws IOException, InterruptedException {
		String cached = this.tokens.get(client);
		if (cached != null) {
			return cached;
		}
		String basic = Base64.getEncoder().encodeToString((client + ":" + SECRET).getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest.newBuilder(this.authServer.resolve("/oauth2/token"))
			.timeout(Duration.ofSeconds(10))
			.header("Authorization", "Basic " + basic)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
			.build();
		HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IOException("the authorization server refused a token for " + client + ": HTTP " + response.statusCode());
		}
		JsonNode body = this.json.readTree(response.body());
		String token = body.get("access_token").asString();
		this.tokens.put(client, token);
		return token;
	}

	private JsonNode readQuietly(String body) {
		try {
			return this.json.readTree(body);
		}
		catch (RuntimeException ex) {
			return this.json.createObjectNode();
		}
	}

	private static void mark(Path marker, String content) {
		try {
			Files.createDirectories(marker.getParent());
			Files.writeString(marker, content + System.lineSeparator(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not record demo data progress in " + marker, ex);
		}
	}

	private record Answer(int status, String body, String location) {

		boolean ok() {
			return this.status >= 200 && this.status < 300;
		}

		String explain(String service, String endpoint) {
			if (this.status == 404 || this.status == 405) {
				return service + " does not implement " + endpoint + " yet (HTTP " + this.status + ")";
			}
			if (this.status == 0) {
				return service + " did not answer: " + this.body;
			}
			String excerpt = this.body.length() > 400 ? this.body.substring(0, 400) + " ..." : this.body;
			return service + " answered HTTP " + this.status + ": " + excerpt.replaceAll("\\s+", " ");
		}

	}

}
