package io.healthstats.export.upstream;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;

/** The report-service API, read with the service token: a report with its sections, and its figures. */
@Component
public class ReportService {

	static final String SERVICE = "report-service";

	private final RestClient http;

	private final JsonMapper json;

	private final UpstreamProperties properties;

	ReportService(RestClient upstream, JsonMapper json, UpstreamProperties properties) {
		this.http = upstream;
		this.json = json;
		this.properties = properties;
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Report(String id, String title, String region, String period, String kind, String status, int version,
			String text, List<Section> sections) {

		public Report {
			sections = sections == null ? List.of() : sections;
		}

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Section(String number, String title, int level, int start, int end, List<Section> children) {

		public Section {
			children = children == null ? List.of() : children;
		}

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Figure(String text, int start, int end, String section, BigDecimal value, String unit, String indicator,
			String kind, boolean placeholder) {
	}

	/** The report, or empty when the report-service does not know it. */
	public Optional<Report> report(String id) {
		return Upstream.call(SERVICE, "report " + id, this.properties.retries(), () -> this.http.get()
			.uri(uri("/api/v1/reports/{id}", id))
			.exchange((request, response) -> {
				if (response.getStatusCode().value() == HttpStatus.NOT_FOUND.value()) {
					return Optional.<Report>empty();
				}
				Upstream.refuseError(SERVICE, response.getStatusCode(), "report " + id);
				return Optional.ofNullable(this.json.readValue(response.getBody(), Report.class));
			}));
	}

	public List<Figure> figures(String id) {
		List<Figure> figures = Upstream.call(SERVICE, "the figures of report " + id, this.properties.retries(),
				() -> this.http.get().uri(uri("/api/v1/reports/{id}/figures", id)).retrieve().body(new ParameterizedTypeReference<List<Figure>>() {
				}));
		return figures == null ? List.of() : figures;
	}

	private java.net.URI uri(String path, String id) {
		return UriComponentsBuilder.fromUri(this.properties.reportService()).path(path).encode().buildAndExpand(id).toUri();
	}

}
