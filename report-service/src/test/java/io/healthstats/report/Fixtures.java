package io.healthstats.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/** Report texts written in the style of the seeds, and request bodies around them. */
public final class Fixtures {

	/** 舒城县 2024Q1: counts, a rate with its parts, placeholders, a change and a plan part. */
	public static final String SHUCHENG_2024Q1 = "reports/shucheng-2024q1.txt";

	/** 霍山县 2023 annual summary with its 2024 plan. */
	public static final String HUOSHAN_2023 = "reports/huoshan-2023-annual.txt";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private Fixtures() {
	}

	public static String text(String resource) {
		try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalArgumentException("No fixture " + resource);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static String report(String title, String region, String period, String kind, String text) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("title", title);
		body.put("region", region);
		body.put("period", period);
		body.put("kind", kind);
		body.put("text", text);
		return json(body);
	}

	public static String json(Object value) {
		return JSON.writeValueAsString(value);
	}

}
