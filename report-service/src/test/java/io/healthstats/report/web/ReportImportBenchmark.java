package io.healthstats.report.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.IntSupplier;

import io.healthstats.localinfra.TestTokens;
import io.healthstats.report.Fixtures;
import io.healthstats.report.ReportServiceTest;
import io.healthstats.report.document.UploadedDocument;
import org.apache.poi.xwpf.usermodel.BreakType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * How fast reports are imported through the whole service (token check, validation, text
 * extraction, analysis, outbox, MongoDB writes): a seed-sized report as JSON and a 100-page .docx
 * upload. Not a timed test: it prints, and runs only when asked:
 * {@code ./mvnw -B -q -pl report-service test -Dtest=ReportImportBenchmark -Dbenchmark=true -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("benchmark")
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
@ReportServiceTest
class ReportImportBenchmark {

	private static final String TOKEN = "Bearer " + TestTokens.forClient("county-341523");

	@Autowired
	MockMvcTester mvc;

	@Test
	void importSeedSizedReportsAndHundredPageDocx() throws IOException {
		String seedSized = seedSized();
		String json = Fixtures.report("舒城县卫健委2023年度工作总结", "341523", "2023", "ANNUAL_SUMMARY", seedSized);
		measure("POST JSON, " + seedSized.length() + " chars", 200, 1_000, () -> postJson(json));

		byte[] docx = hundredPages();
		int chars = UploadedDocument.text("a.docx", null, docx).length();
		measure(".docx text extraction only, 100 pages, " + docx.length / 1024 + " KiB, " + chars + " chars", 10, 50,
				() -> UploadedDocument.text("a.docx", null, docx).isEmpty() ? 500 : 200);
		measure("POST multipart .docx, 100 pages", 5, 30, () -> postDocx(docx));
	}

	private int postJson(String json) {
		return this.mvc.post()
			.uri("/api/v1/reports")
			.header(HttpHeaders.AUTHORIZATION, TOKEN)
			.contentType(MediaType.APPLICATION_JSON)
			.content(json)
			.exchange()
			.getResponse()
			.getStatus();
	}

	private int postDocx(byte[] docx) {
		return this.mvc.post()
			.uri("/api/v1/reports")
			.multipart()
			.file(new MockMultipartFile("file", "舒城县2023年度工作总结.docx", null, docx))
			.param("title", "舒城县卫健委2023年度工作总结")
			.param("region", "341523")
			.param("period", "2023")
			.param("kind", "ANNUAL_SUMMARY")
			.header(HttpHeaders.AUTHORIZATION, TOKEN)
			.exchange()
			.getResponse()
			.getStatus();
	}

	private static void measure(String what, int warmUp, int runs, IntSupplier call) {
		for (int i = 0; i < warmUp; i++) {
			call.getAsInt();
		}
		long[] nanos = new long[runs];
		long started = System.nanoTime();
		for (int i = 0; i < runs; i++) {
			long t = System.nanoTime();
			int result = call.getAsInt();
			nanos[i] = System.nanoTime() - t;
			if (result >= 400) {
				throw new IllegalStateException(what + " answered " + result);
			}
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		Arrays.sort(nanos);
		System.out.printf(Locale.ROOT, "%s: %d runs after %d warm-up: %.1f documents/s, p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
				what, runs, warmUp, runs / seconds, nanos[runs / 2] / 1e6, nanos[(int) Math.ceil(runs * 0.99) - 1] / 1e6,
				nanos[runs - 1] / 1e6);
	}

	/** The fixtures in turn until the text reaches 7,000 characters, like the seeds. */
	private static String seedSized() {
		List<String> parts = List.of(Fixtures.text(Fixtures.HUOSHAN_2023), Fixtures.text(Fixtures.SHUCHENG_2024Q1));
		StringBuilder text = new StringBuilder();
		for (int i = 0; text.length() < 7_000; i++) {
			text.append(parts.get(i % parts.size()));
		}
		return text.toString();
	}

	/** 100 pages of about 1,000 characters each, one page break after each. */
	private static byte[] hundredPages() throws IOException {
		List<String> lines = Fixtures.text(Fixtures.HUOSHAN_2023).lines().toList();
		try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			for (int page = 0; page < 100; page++) {
				for (String line : lines) {
					document.createParagraph().createRun().setText(line);
				}
				document.createParagraph().createRun().addBreak(BreakType.PAGE);
			}
			document.write(out);
			return out.toByteArray();
		}
	}

}
