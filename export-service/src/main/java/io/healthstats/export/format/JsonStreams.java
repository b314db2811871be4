package io.healthstats.export.format;

import java.io.OutputStream;
import java.math.BigDecimal;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;

/** Streaming JSON generators that leave the target stream open and write decimals exactly as stored. */
final class JsonStreams {

	private static final JsonFactory FACTORY = JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

	private JsonStreams() {
	}

	static JsonGenerator open(OutputStream out) {
		return FACTORY.createGenerator(out);
	}

	static void number(JsonGenerator json, String name, BigDecimal value) {
		json.writeName(name);
		if (value == null) {
			json.writeNull();
		}
		else {
			json.writeNumber(value.toPlainString());
		}
	}

}
