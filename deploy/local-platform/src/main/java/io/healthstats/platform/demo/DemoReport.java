package io.healthstats.platform.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The body of {@code POST /api/v1/reports}: a county's 2024 annual summary, written from
 * {@code demo/annual-report.txt} with the same figures the demo observations carry, so the narrative
 * and the numbers agree.
 */
record DemoReport(String title, String region, String period, String kind, String text) {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(\\w+)}");

	static DemoReport annualSummary(CountyFigures figures) {
		String text = fill(template(), figures.facts2024());
		String title = text.lines().findFirst().orElseThrow().trim();
		return new DemoReport(title, figures.county().code(), "2024", "ANNUAL_SUMMARY", text);
	}

	static String fill(String template, Map<String, String> facts) {
		Matcher matcher = PLACEHOLDER.matcher(template);
		StringBuilder out = new StringBuilder();
		while (matcher.find()) {
			String value = facts.get(matcher.group(1));
			if (value == null) {
				throw new IllegalStateException("The report template uses an unknown figure " + matcher.group());
			}
			matcher.appendReplacement(out, Matcher.quoteReplacement(value));
		}
		return matcher.appendTail(out).toString();
	}

	private static String template() {
		try (InputStream in = DemoReport.class.getResourceAsStream("/demo/annual-report.txt")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
