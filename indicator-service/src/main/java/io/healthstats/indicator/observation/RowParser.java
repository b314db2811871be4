package io.healthstats.indicator.observation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Turns a body into rows: a JSON array of objects, NDJSON (one object a line) or CSV with a header.
 * A body that cannot be read at all is a {@link UnreadableBodyException}; a row that is not an object
 * becomes a row with no fields, rejected with its index.
 */
@Component
class RowParser {

	private final JsonMapper json;

	RowParser(JsonMapper json) {
		// values keep full precision: never through a double
		this.json = json.rebuild().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
	}

	List<RawRow> json(String body) {
		JsonNode root = readTree(body, "JSON");
		if (!root.isArray()) {
			throw new UnreadableBodyException("The body must be a JSON array of observation rows.");
		}
		List<RawRow> rows = new ArrayList<>();
		root.forEach(node -> rows.add(row(node)));
		return rows;
	}

	List<RawRow> ndjson(String body) {
		List<RawRow> rows = new ArrayList<>();
		int line = 0;
		for (String text : body.split("\r?\n")) {
			line++;
			if (text.isBlank()) {
				continue;
			}
			try {
				rows.add(row(this.json.readTree(text)));
			}
			catch (JacksonException ex) {
				throw new UnreadableBodyException("Line " + line + " is not a JSON object.");
			}
		}
		return rows;
	}

	List<RawRow> csv(String body) {
		List<RawRow> rows = new ArrayList<>();
		try (BufferedReader reader = new BufferedReader(new StringReader(body.startsWith("\uFEFF") ? body.substring(1) : body))) {
			String header = reader.readLine();
			if (header == null || header.isBlank()) {
				throw new UnreadableBodyException("The CSV body needs a header row: indicator,region,period,value,numerator,denominator");
			}
			String[] columns = header.trim().split("\\s*,\\s*");
			if (!List.of(columns).contains("indicator")) {
				throw new UnreadableBodyException("The CSV header must name the columns indicator,region,period,value (and numerator,denominator for rates).");
			}
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				if (line.isBlank()) {
					continue;
				}
				String[] cells = line.split(",", -1);
				Map<String, Object> fields = new LinkedHashMap<>();
				for (int i = 0; i < columns.length && i < cells.length; i++) {
					fields.put(columns[i], cells[i].trim());
				}
				rows.add(RawRow.of(fields));
			}
		}
		catch (IOException ex) {
			throw new UnreadableBodyException("The CSV body could not be read.");
		}
		return rows;
	}

	private JsonNode readTree(String body, String format) {
		try {
			return this.json.readTree(body);
		}
		catch (JacksonException ex) {
			throw new UnreadableBodyException("The body is not valid " + format + ".");
		}
	}

	private static RawRow row(JsonNode node) {
		Map<String, Object> fields = new LinkedHashMap<>();
		if (node.isObject()) {
			RawRow.FIELDS.forEach(field -> fields.put(field, node.get(field)));
		}
		return RawRow.of(fields);
	}

}
