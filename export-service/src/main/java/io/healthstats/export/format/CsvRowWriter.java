package io.healthstats.export.format;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Plain CSV for people: UTF-8 with a byte-order mark, without which Excel reads Chinese names as
 * mojibake, and a header row with codes and names.
 */
final class CsvRowWriter implements RowWriter {

	static final String[] HEADER = { "indicator", "indicator_name", "region", "region_name", "period", "value", "numerator",
			"denominator", "unit" };

	private static final byte[] BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

	private final Csv csv;

	CsvRowWriter(OutputStream out) {
		try {
			out.write(BOM);
			this.csv = new Csv(out);
			this.csv.record(HEADER);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	@Override
	public void write(Row row) throws IOException {
		this.csv.text(row.indicator())
			.text(row.indicatorName())
			.text(row.region())
			.text(row.regionName())
			.text(row.period())
			.number(row.value())
			.number(row.numerator())
			.number(row.denominator())
			.text(row.unit())
			.end();
	}

	@Override
	public void close() throws IOException {
		this.csv.flush();
	}

}
