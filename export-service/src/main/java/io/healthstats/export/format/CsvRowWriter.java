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
		this.csv.record(row.indicator(), row.indicatorName(), row.region(), row.regionName(), row.period(),
				Row.plain(row.value()), Row.plain(row.numerator()), Row.plain(row.denominator()), row.unit());
	}

	@Override
	public void close() throws IOException {
		this.csv.flush();
	}

}
