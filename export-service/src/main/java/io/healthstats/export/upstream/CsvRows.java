package io.healthstats.export.upstream;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import static java.nio.charset.StandardCharsets.US_ASCII;

/**
 * Reads the indicator-service's streamed CSV of observations ({@code GET /api/v1/observations} with
 * {@code Accept: text/csv}): the header {@code indicator,region,period,value,numerator,denominator} (columns
 * found by name, so one added later is skipped), then one row a line, CRLF or LF. Every field is ASCII and
 * unquoted (codes, period ids, plain decimals), so a line is read as bytes and split at commas.
 *
 * <p>Anything else is a broken stream ({@link BrokenStream}): a line starting with {@code #} (the service
 * could not finish and said so), a line that is not a row, or a last line without its line end (the
 * connection closed in the middle of it). The reader then continues after the last good row's key.
 */
final class CsvRows {

	static final String HEADER = "indicator,region,period,value,numerator,denominator";

	private static final String[] COLUMNS = HEADER.split(",");

	private static final int BUFFER = 1 << 16;

	private final InputStream in;

	private final byte[] buffer = new byte[BUFFER];

	private int position;

	private int limit;

	/** The index of each of {@link #COLUMNS} in a line. */
	private final int[] columns = new int[COLUMNS.length];

	private int fields;

	/** Codes and period ids repeat on every row: one String each. */
	private final Map<Text, String> names = new HashMap<>();

	private final Text probe = new Text();

	private final byte[] line = new byte[1024];

	private final int[] starts = new int[64];

	private final int[] ends = new int[64];

	CsvRows(InputStream in) {
		this.in = in;
	}

	/** A stream that ended before the service said it was complete, or that holds something other than rows. */
	static final class BrokenStream extends RuntimeException {

		BrokenStream(String message, Throwable cause) {
			super(message, cause);
		}

	}

	/** Reads the header; a stream without one is broken. */
	void header() {
		int length = readLine();
		if (length < 0) {
			throw new BrokenStream("the stream ended before its header", null);
		}
		String[] names = new String(this.line, 0, length, US_ASCII).split(",", -1);
		this.fields = names.length;
		for (int c = 0; c < COLUMNS.length; c++) {
			this.columns[c] = Arrays.asList(names).indexOf(COLUMNS[c]);
			if (this.columns[c] < 0) {
				throw new BrokenStream("the header has no column " + COLUMNS[c] + ": " + String.join(",", names), null);
			}
		}
	}

	/** The next row, or null at the end of a complete stream. */
	ObservationRow next() {
		int length = readLine();
		if (length < 0) {
			return null;
		}
		if (length > 0 && this.line[0] == '#') {
			throw new BrokenStream(new String(this.line, 0, length, US_ASCII), null);
		}
		int count = split(length);
		if (count != this.fields) {
			throw new BrokenStream("a line with " + count + " fields where the header has " + this.fields, null);
		}
		String indicator = name(0);
		String region = name(1);
		String period = name(2);
		if (indicator.isEmpty() || region.length() != 6 || period.isEmpty()) {
			throw new BrokenStream("a line that is not a row: " + new String(this.line, 0, length, US_ASCII),
					null);
		}
		return new ObservationRow(indicator, region, period, decimal(3), decimal(4), decimal(5));
	}

	/** Splits the current line at commas; a quote (never sent) makes it malformed. */
	private int split(int length) {
		int count = 0;
		int start = 0;
		for (int i = 0; i <= length; i++) {
			if (i == length || this.line[i] == ',') {
				if (count == this.starts.length) {
					throw new BrokenStream("a line with more than " + this.starts.length + " fields", null);
				}
				this.starts[count] = start;
				this.ends[count] = i;
				count++;
				start = i + 1;
			}
			else if (this.line[i] == '"') {
				throw new BrokenStream("a quoted field, which the observation stream never has", null);
			}
		}
		return count;
	}

	private String name(int column) {
		int field = this.columns[column];
		this.probe.set(this.line, this.starts[field], this.ends[field]);
		String name = this.names.get(this.probe);
		if (name == null) {
			name = new String(this.line, this.starts[field], this.ends[field] - this.starts[field],
					US_ASCII);
			if (this.names.size() < 100_000) {
				this.names.put(this.probe.copy(), name);
			}
		}
		return name;
	}

	private BigDecimal decimal(int column) {
		int field = this.columns[column];
		int length = this.ends[field] - this.starts[field];
		if (length == 0) {
			return null;
		}
		char[] digits = new char[length];
		for (int i = 0; i < length; i++) {
			digits[i] = (char) this.line[this.starts[field] + i];
		}
		try {
			return new BigDecimal(digits);
		}
		catch (NumberFormatException ex) {
			throw new BrokenStream("a number that is not one: " + new String(digits), ex);
		}
	}

	/**
	 * Reads the next line into {@link #line} without its line end.
	 * @return its length, or -1 at the end of the stream
	 */
	private int readLine() {
		int length = 0;
		while (true) {
			if (this.position == this.limit && !fill()) {
				if (length > 0) {
					throw new BrokenStream("the stream ended in the middle of a line", null);
				}
				return -1;
			}
			byte b = this.buffer[this.position++];
			if (b == '\n') {
				return length > 0 && this.line[length - 1] == '\r' ? length - 1 : length;
			}
			if (length == this.line.length) {
				throw new BrokenStream("a line longer than " + this.line.length + " bytes", null);
			}
			this.line[length++] = b;
		}
	}

	private boolean fill() {
		try {
			int n = this.in.read(this.buffer);
			if (n <= 0) {
				return false;
			}
			this.position = 0;
			this.limit = n;
			return true;
		}
		catch (IOException ex) {
			throw new BrokenStream("the connection broke: " + ex.getMessage(), ex);
		}
	}

	/** A byte range of a line, as a map key; copied when kept. */
	private static final class Text {

		private byte[] bytes;

		private int from;

		private int to;

		private int hash;

		void set(byte[] bytes, int from, int to) {
			this.bytes = bytes;
			this.from = from;
			this.to = to;
			int h = 1;
			for (int i = from; i < to; i++) {
				h = 31 * h + bytes[i];
			}
			this.hash = h;
		}

		Text copy() {
			Text copy = new Text();
			copy.set(Arrays.copyOfRange(this.bytes, this.from, this.to), 0, this.to - this.from);
			return copy;
		}

		@Override
		public int hashCode() {
			return this.hash;
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof Text text && Arrays.equals(this.bytes, this.from, this.to, text.bytes, text.from, text.to);
		}

	}

}
