package io.healthstats.indicator.observation;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Turns a body into rows: a JSON array of objects, NDJSON (one object a line) or CSV with a header.
 * A body that cannot be read at all is a {@link UnreadableBodyException}; a row that is not an object
 * becomes a row with no fields, rejected with its index. Rows are counted as they are read: a batch of
 * more than {@link #MAX_ROWS} is a {@link TooManyRowsException} before the rest of it is read.
 */
@Component
class RowParser {

	/**
	 * Rows in one batch, counted while reading: counted after, a 10 MB body of empty rows ({@code [{},{},…]},
	 * three million of them) had exhausted the service's heap before the count refused it.
	 */
	static final int MAX_ROWS = 10_000;

	private final JsonMapper json;

	RowParser(JsonMapper json) {
		// values keep full precision: never through a double
		this.json = json.rebuild().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
	}

	List<RawRow> json(String body) {
		try (JsonParser parser = this.json.createParser(body)) {
			JsonToken first = parser.nextToken();
			if (first != JsonToken.START_ARRAY) {
				throw new UnreadableBodyException((first == JsonToken.START_OBJECT || first == null || first.isScalarValue())
						? "The body must be a JSON array of observation rows." : "The body is not valid JSON.");
			}
			List<RawRow> rows = new ArrayList<>();
			for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
				if (token == null) {
					throw new UnreadableBodyException("The body is not valid JSON.");
				}
				add(rows, row(parser.readValueAsTree()));
			}
			if (parser.nextToken() != null) {
				throw new UnreadableBodyException("The body is not valid JSON.");
			}
			return rows;
		}
		catch (JacksonException ex) {
			throw new UnreadableBodyException("The body is not valid JSON.");
		}
	}

	List<RawRow> ndjson(String body) {
		List<RawRow> rows = new ArrayList<>();
		int line = 0;
		for (String text : lines(body)) {
			line++;
			if (text.isBlank()) {
				continue;
			}
			try {
				add(rows, row(this.json.readTree(text)));
			}
			catch (JacksonException ex) {
				throw new UnreadableBodyException("Line " + line + " is not a JSON object.");
			}
		}
		return rows;
	}

	List<RawRow> csv(String body) {
		Iterator<String> lines = lines(body.startsWith("\uFEFF") ? body.substring(1) : body).iterator();
		String header = lines.hasNext() ? lines.next() : null;
		if (header == null || header.isBlank()) {
			throw new UnreadableBodyException("The CSV body needs a header row: indicator,region,period,value,numerator,denominator");
		}
		List<String> columns = List.of(header.trim().split("\\s*,\\s*"));
		if (!columns.contains("indicator")) {
			throw new UnreadableBodyException("The CSV header must name the columns indicator,region,period,value (and numerator,denominator for rates).");
		}
		// where each field of a row stands; other columns are not kept (a header of a million columns cost a
		// million entries a row)
		int[] positions = RawRow.FIELDS.stream().mapToInt(columns::indexOf).toArray();
		List<RawRow> rows = new ArrayList<>();
		while (lines.hasNext()) {
			String line = lines.next();
			if (line.isBlank()) {
				continue;
			}
			String[] cells = line.split(",", -1);
			Map<String, Object> fields = new LinkedHashMap<>();
			for (int f = 0; f < positions.length; f++) {
				if (positions[f] >= 0 && positions[f] < cells.length) {
					fields.put(RawRow.FIELDS.get(f), cells[positions[f]].trim());
				}
			}
			add(rows, RawRow.of(fields));
		}
		return rows;
	}

	private static void add(List<RawRow> rows, RawRow row) {
		if (rows.size() == MAX_ROWS) {
			throw new TooManyRowsException(MAX_ROWS);
		}
		rows.add(row);
	}

	/** The lines of {@code body} one at a time: splitting a body of millions of lines at once took its own heap. */
	private static Iterable<String> lines(String body) {
		return () -> new BufferedReader(new StringReader(body)).lines().iterator();
	}

	private static RawRow row(JsonNode node) {
		Map<String, Object> fields = new LinkedHashMap<>();
		if (node.isObject()) {
			RawRow.FIELDS.forEach(field -> fields.put(field, node.get(field)));
		}
		return RawRow.of(fields);
	}

}
