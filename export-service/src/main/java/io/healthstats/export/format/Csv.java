package io.healthstats.export.format;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/** RFC 4180 records (comma, CRLF, quotes only where needed) to a buffered UTF-8 stream. */
final class Csv {

	private final Writer out;

	Csv(OutputStream stream) {
		this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
	}

	void record(String... fields) throws IOException {
		for (int i = 0; i < fields.length; i++) {
			if (i > 0) {
				this.out.write(',');
			}
			field(fields[i]);
		}
		this.out.write("\r\n");
	}

	void flush() throws IOException {
		this.out.flush();
	}

	private void field(String value) throws IOException {
		if (value == null || value.isEmpty()) {
			return;
		}
		if (!needsQuotes(value)) {
			this.out.write(value);
			return;
		}
		this.out.write('"');
		this.out.write(value.replace("\"", "\"\""));
		this.out.write('"');
	}

	private static boolean needsQuotes(String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == ',' || c == '"' || c == '\r' || c == '\n') {
				return true;
			}
		}
		// a leading space would be trimmed by some readers; keep it
		return value.charAt(0) == ' ' || value.charAt(value.length() - 1) == ' ';
	}

}
