package io.healthstats.export.upstream;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The indicator-service API, read with the service token: the catalogue, regions, and observations a
 * page at a time (keyset cursor in {@code X-Next-Cursor}). A page is parsed as a stream into at most
 * {@code pageSize} small rows, never the whole export.
 */
@Component
public class IndicatorService {

	static final String SERVICE = "indicator-service";

	static final String NEXT_CURSOR = "X-Next-Cursor";

	private final RestClient http;

	private final JsonMapper json;

	private final UpstreamProperties properties;

	private volatile Catalogue catalogue;

	IndicatorService(RestClient upstream, JsonMapper json, UpstreamProperties properties) {
		this.http = upstream;
		this.json = json;
		this.properties = properties;
	}

	/** @param next the cursor of the following page, null after the last */
	public record Page(List<ObservationRow> rows, String next) {
	}

	private record Catalogue(Map<String, IndicatorInfo> byCode, Instant until) {
	}

	/** The indicator catalogue by code, reused for {@code catalogue-cache-for}. */
	public Map<String, IndicatorInfo> catalogue() {
		Catalogue cached = this.catalogue;
		if (cached != null && Instant.now().isBefore(cached.until())) {
			return cached.byCode();
		}
		List<IndicatorInfo> all = Upstream.call(SERVICE, "the indicator catalogue", this.properties.retries(),
				() -> this.http.get()
					.uri(this.properties.indicatorService().resolve("/api/v1/indicators"))
					.retrieve()
					.body(new ParameterizedTypeReference<List<IndicatorInfo>>() {
					}));
		Map<String, IndicatorInfo> byCode = new LinkedHashMap<>();
		(all == null ? List.<IndicatorInfo>of() : all).forEach(indicator -> byCode.put(indicator.code(), indicator));
		this.catalogue = new Catalogue(Map.copyOf(byCode), Instant.now().plus(this.properties.catalogueCacheFor()));
		return this.catalogue.byCode();
	}

	/** The region with its children's names; empty when the indicator-service does not know it. */
	public Optional<RegionInfo> region(String code) {
		return Upstream.call(SERVICE, "region " + code, this.properties.retries(), () -> this.http.get()
			.uri(UriComponentsBuilder.fromUri(this.properties.indicatorService())
				.path("/api/v1/regions/{code}")
				.buildAndExpand(code)
				.encode()
				.toUri())
			.exchange((request, response) -> {
				if (response.getStatusCode().value() == HttpStatus.NOT_FOUND.value()) {
					return Optional.<RegionInfo>empty();
				}
				if (response.getStatusCode().isError()) {
					throw new UpstreamException(SERVICE + " answered " + response.getStatusCode().value() + " for region " + code
							+ ".", response.getStatusCode().is5xxServerError(), null);
				}
				return Optional.ofNullable(this.json.readValue(response.getBody(), RegionInfo.class));
			}));
	}

	/** One page of observations after {@code after} (null: the first), at most {@code pageSize} rows. */
	public Page page(ObservationQuery query, String after) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromUri(this.properties.indicatorService())
			.path("/api/v1/observations")
			.queryParam("region", "{region}")
			.queryParam("subtree", "true")
			.queryParam("from", "{from}")
			.queryParam("to", "{to}")
			.queryParam("limit", this.properties.pageSize());
		Map<String, Object> values = new HashMap<>();
		values.put("region", query.region());
		values.put("from", query.from());
		values.put("to", query.to());
		for (int i = 0; i < query.indicators().size(); i++) {
			uri.queryParam("indicator", "{indicator" + i + "}");
			values.put("indicator" + i, query.indicators().get(i));
		}
		if (after != null) {
			uri.queryParam("after", "{after}");
			values.put("after", after);
		}
		java.net.URI target = uri.encode().buildAndExpand(values).toUri();
		String what = "observations" + (after == null ? "" : " after " + after);
		return Upstream.call(SERVICE, what, this.properties.retries(),
				() -> this.http.get().uri(target).exchange((request, response) -> {
					if (response.getStatusCode().isError()) {
						throw new UpstreamException(SERVICE + " answered " + response.getStatusCode().value() + " for " + what + ".",
								response.getStatusCode().is5xxServerError(), null);
					}
					return new Page(rows(response.getBody()), response.getHeaders().getFirst(NEXT_CURSOR));
				}));
	}

	private List<ObservationRow> rows(InputStream body) throws IOException {
		List<ObservationRow> rows = new ArrayList<>();
		try (JsonParser parser = this.json.createParser(body)) {
			if (parser.nextToken() != JsonToken.START_ARRAY) {
				throw new UpstreamException(SERVICE + " answered something other than a list of observations.", false, null);
			}
			while (parser.nextToken() == JsonToken.START_OBJECT) {
				rows.add(row(parser));
			}
		}
		return rows;
	}

	private static ObservationRow row(JsonParser parser) {
		String indicator = null;
		String region = null;
		String period = null;
		BigDecimal value = null;
		BigDecimal numerator = null;
		BigDecimal denominator = null;
		for (String name = parser.nextName(); name != null; name = parser.nextName()) {
			JsonToken token = parser.nextToken();
			switch (name) {
				case "indicator" -> indicator = parser.getString();
				case "region" -> region = parser.getString();
				case "period" -> period = parser.getString();
				case "value" -> value = decimal(parser, token);
				case "numerator" -> numerator = decimal(parser, token);
				case "denominator" -> denominator = decimal(parser, token);
				default -> parser.skipChildren();
			}
		}
		return new ObservationRow(indicator, region, period, value, numerator, denominator);
	}

	private static BigDecimal decimal(JsonParser parser, JsonToken token) {
		if (token == JsonToken.VALUE_NULL) {
			return null;
		}
		// read from the text, never through a double: values keep every digit
		return token.isNumeric() ? parser.getDecimalValue() : new BigDecimal(parser.getString());
	}

}
