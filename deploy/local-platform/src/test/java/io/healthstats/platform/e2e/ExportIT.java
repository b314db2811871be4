package io.healthstats.platform.e2e;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 5 as a city statistician meets it, through the gateway on the demo data: two years of
 * 门诊诊疗人次 for 六安市 as CSV and as XLSX, every cell compared with what the indicator-service's API
 * answers; a demo report as Word; the bad requests refused; another county's job invisible.
 */
class ExportIT {

	private static final String CITY = "city-341500";

	private final RunningPlatform platform = RunningPlatform.shared();

	@Test
	void csvOfTwoYearsOfOutpatientVisitsMatchesTheApiCellForCell() {
		Map<String, List<String>> expected = apiRows();
		String id = requestAndAwait(CITY, "csv");
		HttpResponse<byte[]> file = download(CITY, id);

		byte[] bytes = file.body();
		assertThat(bytes[0] & 0xFF).isEqualTo(0xEF); // the byte-order mark Excel needs for Chinese
		String[] lines = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8).split("\r\n");
		assertThat(lines[0]).isEqualTo("indicator,indicator_name,region,region_name,period,value,numerator,denominator,unit");
		Map<String, List<String>> exported = new LinkedHashMap<>();
		for (int i = 1; i < lines.length; i++) {
			String[] cells = lines[i].split(",", -1);
			exported.put(cells[0] + "|" + cells[2] + "|" + cells[4], List.of(cells[1], cells[3], cells[5], cells[8]));
		}
		assertThat(exported).hasSize(expected.size()).isEqualTo(expected);
		assertThat(file.headers().firstValue("Content-Disposition").orElseThrow())
			.contains("filename=\"OUTPATIENT_VISITS_341500_2024-2025.csv\"")
			.contains("filename*=UTF-8''%E9%97%A8%E8%AF%8A%E8%AF%8A%E7%96%97%E4%BA%BA%E6%AC%A1_%E5%85%AD%E5%AE%89%E5%B8%82_2024-2025.csv");
	}

	@Test
	void xlsxOfTwoYearsOfOutpatientVisitsMatchesTheApiCellForCell() throws IOException {
		Map<String, List<String>> expected = apiRows();
		String id = requestAndAwait(CITY, "xlsx");

		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(download(CITY, id).body()))) {
			XSSFSheet sheet = workbook.getSheet("数据");
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("指标代码");
			assertThat(sheet.getLastRowNum()).isEqualTo(expected.size());
			for (int r = 1; r <= sheet.getLastRowNum(); r++) {
				Row row = sheet.getRow(r);
				String key = row.getCell(0).getStringCellValue() + "|" + row.getCell(2).getStringCellValue() + "|"
						+ row.getCell(4).getStringCellValue();
				List<String> api = expected.get(key);
				assertThat(api).as(key).isNotNull();
				Cell value = row.getCell(5);
				assertThat(value.getCellType()).isEqualTo(CellType.NUMERIC);
				assertThat(value.getNumericCellValue()).as(key).isEqualTo(Double.parseDouble(api.get(2)));
				assertThat(row.getCell(1).getStringCellValue()).isEqualTo(api.get(0));
				assertThat(row.getCell(3).getStringCellValue()).isEqualTo(api.get(1));
			}
		}
	}

	@Test
	void aDemoReportAsWordHasItsTitleSectionsAndFigures() throws IOException {
		JsonNode reports = RunningPlatform.json(this.platform.send("county-341523",
				this.platform.request("/api/v1/reports?region=341523")), 200).get("content");
		assertThat(reports).isNotEmpty();
		JsonNode report = reports.get(0);
		String reportId = report.get("id").asString();
		JsonNode figures = RunningPlatform.json(this.platform.send("county-341523",
				this.platform.request("/api/v1/reports/" + reportId + "/figures")), 200);

		String id = await("county-341523", accepted("county-341523", "{\"format\":\"docx\",\"report\":\"" + reportId + "\"}"));
		HttpResponse<byte[]> file = download("county-341523", id);

		assertThat(file.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/vnd.openxmlformats-officedocument.wordprocessingml");
		try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(file.body()))) {
			assertThat(document.getParagraphs().get(0).getText()).isEqualTo(report.get("title").asString());
			assertThat(document.getParagraphs().stream().filter(p -> "Heading1".equals(p.getStyle()))).isNotEmpty();
			assertThat(document.getTables().get(0).getRows()).hasSize(figures.size() + 1);
		}
	}

	@Test
	void refusesBadRequestsAndKeepsACountyOutOfAnotherRegionsJobs() {
		assertThat(status(CITY, body("pdf", "OUTPATIENT_VISITS", "341500", "2024", "2025"))).isEqualTo(400);
		assertThat(status(CITY, body("csv", "OUTPATIENT_VISITS", "341500", "2024Q5", "2025"))).isEqualTo(400);
		assertThat(status(CITY, body("csv", "NO_SUCH_INDICATOR", "341500", "2024", "2025"))).isEqualTo(400);
		assertThat(status(CITY, body("csv", "OUTPATIENT_VISITS", "341599", "2024", "2025"))).isEqualTo(400);
		assertThat(status("county-341523", body("csv", "OUTPATIENT_VISITS", "341500", "2024", "2025"))).isEqualTo(404);
		assertThat(status("county-341523", body("csv", "OUTPATIENT_VISITS", "341522", "2024", "2025"))).isEqualTo(404);

		String id = accepted(CITY, body("json", "OUTPATIENT_VISITS", "341500", "2024", "2025"));
		assertThat(this.platform.send("county-341522", this.platform.request("/api/v1/exports/" + id)).statusCode()).isEqualTo(404);
		assertThat(this.platform.send(CITY, this.platform.request("/api/v1/exports/" + id)).statusCode()).isEqualTo(200);
	}

	/** What the indicator-service's API answers, key → [indicator name, region name, value, unit]. */
	private Map<String, List<String>> apiRows() {
		JsonNode indicator = RunningPlatform.json(this.platform.send(CITY, this.platform.request("/api/v1/indicators/OUTPATIENT_VISITS")), 200);
		Map<String, String> names = new HashMap<>();
		JsonNode city = RunningPlatform.json(this.platform.send(CITY, this.platform.request("/api/v1/regions/341500")), 200);
		names.put("341500", city.get("name").asString());
		city.get("children").forEach(child -> names.put(child.get("code").asString(), child.get("name").asString()));
		Map<String, List<String>> rows = new LinkedHashMap<>();
		String after = null;
		do {
			HttpResponse<String> page = this.platform.send(CITY, this.platform.request(
					"/api/v1/observations?indicator=OUTPATIENT_VISITS&region=341500&subtree=true&from=2024&to=2025&limit=100"
							+ (after == null ? "" : "&after=" + after.replace("|", "%7C"))));
			for (JsonNode row : RunningPlatform.json(page, 200)) {
				rows.put("OUTPATIENT_VISITS|" + row.get("region").asString() + "|" + row.get("period").asString(),
						List.of(indicator.get("nameZh").asString(), names.get(row.get("region").asString()),
								row.get("value").decimalValue().toPlainString(), indicator.get("unit").asString()));
			}
			after = page.headers().firstValue("X-Next-Cursor").orElse(null);
		}
		while (after != null);
		assertThat(rows).as("demo data: 2024–2025 outpatient visits of the Lu'an counties").hasSizeGreaterThanOrEqualTo(7 * 24);
		return rows;
	}

	private String requestAndAwait(String client, String format) {
		return await(client, accepted(client, body(format, "OUTPATIENT_VISITS", "341500", "2024", "2025")));
	}

	private String accepted(String client, String body) {
		HttpResponse<String> response = this.platform.send(client, this.platform.post("/api/v1/exports", "application/json", body));
		JsonNode job = RunningPlatform.json(response, 202);
		assertThat(response.headers().firstValue("Location").orElseThrow()).isEqualTo("/api/v1/exports/" + job.get("id").asString());
		return job.get("id").asString();
	}

	private String await(String client, String id) {
		long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
		while (true) {
			JsonNode job = RunningPlatform.json(this.platform.send(client, this.platform.request("/api/v1/exports/" + id)), 200);
			String status = job.get("status").asString();
			if (status.equals("DONE")) {
				return id;
			}
			assertThat(status).as(job.toString()).isIn("QUEUED", "RUNNING");
			assertThat(System.nanoTime()).as("export %s still %s", id, status).isLessThan(deadline);
			pause();
		}
	}

	private HttpResponse<byte[]> download(String client, String id) {
		HttpRequest request = this.platform.request("/api/v1/exports/" + id + "/file")
			.header("Authorization", "Bearer " + this.platform.token(client))
			.build();
		try {
			HttpResponse<byte[]> response = this.platform.http().send(request, HttpResponse.BodyHandlers.ofByteArray());
			assertThat(response.statusCode()).isEqualTo(200);
			return response;
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private int status(String client, String body) {
		return this.platform.send(client, this.platform.post("/api/v1/exports", "application/json", body)).statusCode();
	}

	private static String body(String format, String indicator, String region, String from, String to) {
		return "{\"format\":\"" + format + "\",\"indicator\":\"" + indicator + "\",\"region\":\"" + region + "\",\"from\":\"" + from
				+ "\",\"to\":\"" + to + "\"}";
	}

	private static void pause() {
		try {
			Thread.sleep(250);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
