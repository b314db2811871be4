package io.healthstats.export.format;

import java.io.IOException;
import java.io.OutputStream;

/**
 * SDMX-CSV 2.0 (the SDMX 3.0 data message): the fixed {@code STRUCTURE, STRUCTURE_ID, ACTION} columns,
 * then the dimensions of our data structure (frequency, indicator, reference area, time period), the
 * measure {@code OBS_VALUE} and the attributes. Each row is action {@code I} (information) of the
 * dataflow {@value #DATAFLOW}. Time periods use SDMX's ISO 8601 forms ({@code 2024}, {@code 2024-Q1},
 * {@code 2024-01}); codes, not names, as the exchange flavour of SDMX-CSV asks.
 */
final class SdmxCsvRowWriter implements RowWriter {

	static final String DATAFLOW = "HEALTHSTATS:DF_HEALTH_INDICATORS(1.0)";

	static final String[] HEADER = { "STRUCTURE", "STRUCTURE_ID", "ACTION", "FREQ", "INDICATOR", "REF_AREA", "TIME_PERIOD",
			"OBS_VALUE", "UNIT_MEASURE", "OBS_NUMERATOR", "OBS_DENOMINATOR" };

	private final Csv csv;

	SdmxCsvRowWriter(OutputStream out) {
		this.csv = new Csv(out);
		try {
			this.csv.record(HEADER);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	@Override
	public void write(Row row) throws IOException {
		String period = row.period();
		this.csv.text("dataflow")
			.text(DATAFLOW)
			.text("I")
			.text(frequency(period))
			.text(row.indicator())
			.text(row.region())
			.text(timePeriod(period))
			.number(row.value())
			.text(row.unit())
			.number(row.numerator())
			.number(row.denominator())
			.end();
	}

	@Override
	public void close() throws IOException {
		this.csv.flush();
	}

	/** A (annual), Q (quarterly) or M (monthly), SDMX's FREQ codes. */
	static String frequency(String period) {
		if (period.length() == 4) {
			return "A";
		}
		return period.charAt(4) == 'Q' ? "Q" : "M";
	}

	static String timePeriod(String period) {
		if (period.length() == 4) {
			return period;
		}
		return period.substring(0, 4) + "-" + period.substring(4);
	}

}
