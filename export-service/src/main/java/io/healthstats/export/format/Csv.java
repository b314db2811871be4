package io.healthstats.export.format;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * RFC 4180 records (comma, CRLF, quotes only where needed) in UTF-8. Records are assembled in one
 * builder and encoded 64 KiB at a time: a {@code BufferedWriter} takes a lock on every field and comma,
 * a measurable share of a million-row export.
 */
final class Csv {

	private static final int FLUSH_AT = 1 << 16;

	private final OutputStream out;

	private final StringBuilder buffer = new StringBuilder(FLUSH_AT + 1024);

	Csv(OutputStream out) {
		this.out = out;
	}

	void record(String... fields) throws IOException {
		for (int i = 0; i < fields.length; i++) {
			if (i > 0) {
				this.buffer.append(',');
			}
			field(fields[i]);
		}
		this.buffer.append("\r\n");
		if (this.buffer.length() >= FLUSH_AT) {
			flushBuffer();
		}
	}

	void flush() throws IOException {
		flushBuffer();
		this.out.flush();
	}

	private void flushBuffer() throws IOException {
		this.out.write(this.buffer.toString().getBytes(StandardCharsets.UTF_8));
		this.buffer.setLength(0);
	}

	private void field(String value) {
		if (value == null || value.isEmpty()) {
			return;
		}
		if (!needsQuotes(value)) {
			this.buffer.append(value);
			return;
		}
		this.buffer.append('"').append(value.replace("\"", "\"\"")).append('"');
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
