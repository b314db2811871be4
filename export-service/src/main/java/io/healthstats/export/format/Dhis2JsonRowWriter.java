package io.healthstats.export.format;

import java.io.OutputStream;

import tools.jackson.core.JsonGenerator;

/**
 * A DHIS2 {@code dataValueSets} document, {@code {"dataValues": [{dataElement, period, orgUnit, value}]}}:
 * data element = indicator code, org unit = region code, period ids as DHIS2 writes them ({@code 2024},
 * {@code 2024Q1}, {@code 202401} — the same as ours), the value as a string as DHIS2 exchanges it.
 * A rate's numerator and denominator have no place in a data value; they go in its {@code comment}.
 */
final class Dhis2JsonRowWriter implements RowWriter {

	private final JsonGenerator json;

	Dhis2JsonRowWriter(OutputStream out) {
		this.json = JsonStreams.open(out);
		this.json.writeStartObject();
		this.json.writeName("dataValues");
		this.json.writeStartArray();
	}

	@Override
	public void write(Row row) {
		this.json.writeStartObject();
		this.json.writeStringProperty("dataElement", row.indicator());
		this.json.writeStringProperty("period", row.period());
		this.json.writeStringProperty("orgUnit", row.region());
		this.json.writeStringProperty("value", Row.plain(row.value()));
		if (row.numerator() != null && row.denominator() != null) {
			this.json.writeStringProperty("comment",
					"numerator=" + row.numerator().toPlainString() + ";denominator=" + row.denominator().toPlainString());
		}
		this.json.writeEndObject();
	}

	@Override
	public void close() {
		this.json.writeEndArray();
		this.json.writeEndObject();
		this.json.close();
	}

}
