package io.healthstats.export.format;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * RFC 4180 records (comma, CRLF, quotes only where needed) in UTF-8, assembled as bytes in one buffer
 * written 64 KiB at a time. Text fields repeat on every row (codes, Chinese names, units, periods), so
 * each distinct one is encoded — UTF-8, quoted if needed — once and copied after that; numbers are plain
 * ASCII. A {@code BufferedWriter} took a lock on every field and encoded every name again.
 */
final class Csv {

	private static final int FLUSH_AT = 1 << 16;

	/** Distinct texts kept encoded; past that (never with codes and names) texts are encoded each time. */
	private static final int MAX_ENCODED = 20_000;

	private static final byte[] EMPTY = {};

	private final OutputStream out;

	private final byte[] buffer = new byte[FLUSH_AT + 1024];

	private int length;

	private boolean first = true;

	private final Map<String, byte[]> encoded = new HashMap<>();

	Csv(OutputStream out) {
		this.out = out;
	}

	/** One whole record of text fields. */
	void record(String... fields) throws IOException {
		for (String field : fields) {
			text(field);
		}
		end();
	}

	/** The next field, text (null or empty: an empty field). */
	Csv text(String value) throws IOException {
		byte[] bytes = value == null || value.isEmpty() ? EMPTY : this.encoded.get(value);
		if (bytes == null) {
			bytes = encode(value);
			if (this.encoded.size() < MAX_ENCODED) {
				this.encoded.put(value, bytes);
			}
		}
		separate();
		put(bytes);
		return this;
	}

	/** The next field, a number written exactly as its decimal (null: an empty field). */
	Csv number(BigDecimal value) throws IOException {
		separate();
		if (value == null) {
			return this;
		}
		String digits = value.toPlainString();
		if (digits.length() > 1024) {
			put(digits.getBytes(StandardCharsets.US_ASCII));
			return this;
		}
		if (this.length + digits.length() > this.buffer.length) {
			drain();
		}
		for (int i = 0; i < digits.length(); i++) {
			this.buffer[this.length++] = (byte) digits.charAt(i);
		}
		return this;
	}

	/** Ends the record. */
	void end() throws IOException {
		if (this.length + 2 > this.buffer.length) {
			drain();
		}
		this.buffer[this.length++] = '\r';
		this.buffer[this.length++] = '\n';
		this.first = true;
		if (this.length >= FLUSH_AT) {
			drain();
		}
	}

	void flush() throws IOException {
		drain();
		this.out.flush();
	}

	private void separate() throws IOException {
		if (this.first) {
			this.first = false;
			return;
		}
		if (this.length == this.buffer.length) {
			drain();
		}
		this.buffer[this.length++] = ',';
	}

	private void put(byte[] bytes) throws IOException {
		if (this.length + bytes.length > this.buffer.length) {
			drain();
			if (bytes.length > this.buffer.length) {
				this.out.write(bytes);
				return;
			}
		}
		System.arraycopy(bytes, 0, this.buffer, this.length, bytes.length);
		this.length += bytes.length;
	}

	private void drain() throws IOException {
		this.out.write(this.buffer, 0, this.length);
		this.length = 0;
	}

	private static byte[] encode(String value) {
		String field = needsQuotes(value) ? '"' + value.replace("\"", "\"\"") + '"' : value;
		return field.getBytes(StandardCharsets.UTF_8);
	}

	private static boolean needsQuotes(String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == ',' || c == '"' || c == '\r' || c == '\n') {
				return true;
			}
		}
		// a leading or trailing space would be trimmed by some readers; keep it
		return value.charAt(0) == ' ' || value.charAt(value.length() - 1) == ' ';
	}

}
