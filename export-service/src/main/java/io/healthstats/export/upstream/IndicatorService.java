package io.healthstats.export.upstream;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Qualifier;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The indicator-service API, read with the service token: the catalogue, regions, and observations —
 * one streamed CSV per export ({@link #observations}), resumed after the last row's key when it breaks,
 * or (an indicator-service without the CSV) a page at a time with the keyset cursor in
 * {@code X-Next-Cursor}. Rows are handed on as they are read, never the whole export in memory.
 */
@Component
public class IndicatorService {

	static final String SERVICE = "indicator-service";

	static final String NEXT_CURSOR = "X-Next-Cursor";

	static final MediaType CSV = MediaType.parseMediaType("text/csv");

	private static final Logger log = LoggerFactory.getLogger(IndicatorService.class);

	private final RestClient http;

	private final RestClient streams;

	private final JsonMapper json;

	private final UpstreamProperties properties;

	private volatile Catalogue catalogue;

	IndicatorService(RestClient upstream, @Qualifier("upstreamStreams") RestClient streams, JsonMapper json,
			UpstreamProperties properties) {
		this.http = upstream;
		this.streams = streams;
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
				Upstream.refuseError(SERVICE, response.getStatusCode(), "region " + code);
				return Optional.ofNullable(this.json.readValue(response.getBody(), RegionInfo.class));
			}));
	}

	/** Receives the rows of {@link #observations} one by one; what it throws ends the read unchanged. */
	@FunctionalInterface
	public interface RowSink {

		void accept(ObservationRow row) throws IOException;

	}

	/**
	 * Hands every row of {@code query} to {@code sink} in key order, from one streamed CSV
	 * ({@code Accept: text/csv}). When the stream breaks — the connection, a line that is not a row, or the
	 * service's own {@code #interrupted} line — it is asked again after the key of the last row handed on;
	 * {@code retries} times in a row without a new row (250 ms, 500 ms … apart), then the export fails. An
	 * indicator-service that answers 406 (one without the CSV) is read page by page instead.
	 * @return the rows handed on
	 */
	public long observations(ObservationQuery query, RowSink sink) throws IOException {
		String after = null;
		long rows = 0;
		int failures = 0;
		while (true) {
			Stream stream = new Stream(sink);
			try {
				if (!stream(query, after, stream)) {
					return rows + pages(query, after, sink);
				}
				return rows + stream.rows;
			}
			catch (SinkFailure ex) {
				if (ex.getCause() instanceof IOException io) {
					throw io;
				}
				throw (RuntimeException) ex.getCause();
			}
			catch (CsvRows.BrokenStream | UpstreamException ex) {
				rows += stream.rows;
				after = stream.last != null ? key(stream.last) : after;
				failures = stream.rows > 0 ? 1 : failures + 1;
				boolean retriable = !(ex instanceof UpstreamException upstream) || upstream.retriable();
				String what = observationsAfter(after);
				if (!retriable || failures > this.properties.retries()) {
					throw ex instanceof UpstreamException upstream ? upstream
							: new UpstreamException(SERVICE + " broke off the stream of " + what + ".", true, ex);
				}
				log.warn("{} broke off the stream of observations ({}); asking again for {} (try {} of {})", SERVICE,
						ex.getMessage(), what, failures + 1, this.properties.retries() + 1);
				Upstream.pause(250L << (failures - 1));
			}
		}
	}

	/** What one streamed response handed on. */
	private static final class Stream {

		private final RowSink sink;

		private long rows;

		/** The last row handed on; its key is where a new request continues. */
		private ObservationRow last;

		Stream(RowSink sink) {
			this.sink = sink;
		}

		void accept(ObservationRow row) {
			try {
				this.sink.accept(row);
			}
			catch (IOException | RuntimeException ex) {
				throw new SinkFailure(ex);
			}
			this.rows++;
			this.last = row;
		}

	}

	/** An exception of the sink (writing the file, a lost lease), carried through the HTTP client untouched. */
	private static final class SinkFailure extends RuntimeException {

		SinkFailure(Exception cause) {
			super(cause);
		}

	}

	/** One streamed response; false when the indicator-service has no CSV (406). */
	private boolean stream(ObservationQuery query, String after, Stream stream) {
		URI target = observationsUri(query, after, null);
		String what = observationsAfter(after);
		try {
			return this.streams.get().uri(target).accept(CSV).exchange((request, response) -> {
				if (response.getStatusCode().value() == HttpStatus.NOT_ACCEPTABLE.value()) {
					return false;
				}
				Upstream.refuseError(SERVICE, response.getStatusCode(), what);
				CsvRows rows = new CsvRows(response.getBody());
				rows.header();
				for (ObservationRow row = rows.next(); row != null; row = rows.next()) {
					stream.accept(row);
				}
				return true;
			});
		}
		catch (CsvRows.BrokenStream | SinkFailure | UpstreamException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			if (ex.getCause() instanceof SinkFailure sink) {
				throw sink;
			}
			throw Upstream.translate(SERVICE, what, ex);
		}
	}

	/** The rows after {@code after}, page by page: the indicator-service before it streamed CSV. */
	private long pages(ObservationQuery query, String after, RowSink sink) throws IOException {
		long rows = 0;
		String next = after;
		do {
			Page page = page(query, next);
			for (ObservationRow row : page.rows()) {
				sink.accept(row);
			}
			rows += page.rows().size();
			next = page.next();
		}
		while (next != null);
		return rows;
	}

	/** One page of observations after {@code after} (null: the first), at most {@code pageSize} rows. */
	public Page page(ObservationQuery query, String after) {
		URI target = observationsUri(query, after, this.properties.pageSize());
		String what = observationsAfter(after);
		return Upstream.call(SERVICE, what, this.properties.retries(),
				() -> this.http.get().uri(target).exchange((request, response) -> {
					Upstream.refuseError(SERVICE, response.getStatusCode(), what);
					return new Page(rows(response.getBody()), response.getHeaders().getFirst(NEXT_CURSOR));
				}));
	}

	private static String observationsAfter(String after) {
		return "observations" + (after == null ? "" : " after " + after);
	}

	private static String key(ObservationRow row) {
		return row.indicator() + "|" + row.region() + "|" + row.period();
	}

	private URI observationsUri(ObservationQuery query, String after, Integer limit) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromUri(this.properties.indicatorService())
			.path("/api/v1/observations")
			.queryParam("region", "{region}")
			.queryParam("subtree", "true")
			.queryParam("from", "{from}")
			.queryParam("to", "{to}");
		if (limit != null) {
			uri.queryParam("limit", limit);
		}
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
		return uri.encode().buildAndExpand(values).toUri();
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
