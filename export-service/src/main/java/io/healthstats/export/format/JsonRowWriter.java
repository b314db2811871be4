package io.healthstats.export.format;

import java.io.OutputStream;

import tools.jackson.core.JsonGenerator;

/** One JSON array of row objects, written as the rows arrive. */
final class JsonRowWriter implements RowWriter {

	private final JsonGenerator json;

	JsonRowWriter(OutputStream out) {
		this.json = JsonStreams.open(out);
		this.json.writeStartArray();
	}

	@Override
	public void write(Row row) {
		this.json.writeStartObject();
		this.json.writeStringProperty("indicator", row.indicator());
		this.json.writeStringProperty("indicatorName", row.indicatorName());
		this.json.writeStringProperty("region", row.region());
		this.json.writeStringProperty("regionName", row.regionName());
		this.json.writeStringProperty("period", row.period());
		JsonStreams.number(this.json, "value", row.value());
		JsonStreams.number(this.json, "numerator", row.numerator());
		JsonStreams.number(this.json, "denominator", row.denominator());
		this.json.writeStringProperty("unit", row.unit());
		this.json.writeEndObject();
	}

	@Override
	public void close() {
		this.json.writeEndArray();
		this.json.close();
	}

}
