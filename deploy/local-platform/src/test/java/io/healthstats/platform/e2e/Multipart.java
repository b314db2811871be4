package io.healthstats.platform.e2e;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** A {@code multipart/form-data} body as a browser form or {@code curl -F} sends it. */
final class Multipart {

	private final String boundary = "----e2e" + UUID.randomUUID().toString().replace("-", "");

	private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

	Multipart field(String name, String value) {
		write("--" + this.boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n");
		write(value);
		write("\r\n");
		return this;
	}

	Multipart file(String name, String filename, String contentType, byte[] content) {
		write("--" + this.boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + filename
				+ "\"\r\nContent-Type: " + contentType + "\r\n\r\n");
		this.bytes.writeBytes(content);
		write("\r\n");
		return this;
	}

	String contentType() {
		return "multipart/form-data; boundary=" + this.boundary;
	}

	byte[] bytes() {
		ByteArrayOutputStream all = new ByteArrayOutputStream();
		all.writeBytes(this.bytes.toByteArray());
		all.writeBytes(("--" + this.boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return all.toByteArray();
	}

	private void write(String text) {
		this.bytes.writeBytes(text.getBytes(StandardCharsets.UTF_8));
	}

}
