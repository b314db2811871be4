package io.healthstats.export;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static io.healthstats.export.ExportApi.observations;
import static org.assertj.core.api.Assertions.assertThat;

/** Every format, read back the way its reader would read it, row for row against what was stored. */
class ExportFormatsIntegrationTests extends ExportIntegrationTest {

	static final String CITY = "city-341500";

	@BeforeEach
	void data() {
		UPSTREAM.observation("OUTPATIENT_VISITS", "341523", "202401", "98120");
		UPSTREAM.observation("OUTPATIENT_VISITS", "341523", "202402", "87310");
		UPSTREAM.observation("OUTPATIENT_VISITS", "341523", "202403", "101200");
		UPSTREAM.observation("OUTPATIENT_VISITS", "341523", "2024Q1", "286630");
		UPSTREAM.observation("OUTPATIENT_VISITS", "341522", "202401", "120500");
		UPSTREAM.observation("OUTPATIENT_VISITS", "341522", "2025", "1400000"); // outside 2024
		UPSTREAM.observation("OUTPATIENT_VISITS", "341100", "202401", "5"); // another city
		UPSTREAM.observation("BIRTHS", "341523", "2024", "6685");
		UPSTREAM.observation("HEALTH_CHECK_COMPLETION_RATE", "341523", "2024", "66.45976191083127", "26071", "39229");
	}

	@Test
	void csvHasAByteOrderMarkAHeaderAndEveryRowOfTheSubtreeInKeyOrder() {
		String id = this.api.request(CITY, observations("csv", "OUTPATIENT_VISITS", "341500", "2024", "2024"));
		JsonNode job = this.api.awaitFinished(CITY, id, PATIENCE);
		MvcTestResult download = this.api.get(CITY, "/api/v1/exports/" + id + "/file");
		byte[] bytes = download.getResponse().getContentAsByteArray();

		assertThat(job.get("status").asString()).isEqualTo("DONE");
		assertThat(job.get("rows").asLong()).isEqualTo(5);
		assertThat(job.get("size").asLong()).isEqualTo(bytes.length);
		assertThat(job.get("progress").asInt()).isEqualTo(100);
		assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
		assertThat(download.getResponse().getContentType()).startsWith("text/csv");
		assertThat(lines(bytes, 3)).containsExactly("indicator,indicator_name,region,region_name,period,value,numerator,denominator,unit",
				"OUTPATIENT_VISITS,门诊诊疗人次,341522,霍邱县,202401,120500,,,人次",
				"OUTPATIENT_VISITS,门诊诊疗人次,341523,舒城县,202401,98120,,,人次",
				"OUTPATIENT_VISITS,门诊诊疗人次,341523,舒城县,202402,87310,,,人次",
				"OUTPATIENT_VISITS,门诊诊疗人次,341523,舒城县,202403,101200,,,人次",
				"OUTPATIENT_VISITS,门诊诊疗人次,341523,舒城县,2024Q1,286630,,,人次");
		// one streamed CSV for the whole export
		assertThat(UPSTREAM.requests().stream().filter(r -> r.startsWith("GET /api/v1/observations"))).hasSize(1);
	}

	@Test
	void namesTheFileInChineseWithAnAsciiFallback() {
		String id = this.api.request(CITY, observations("csv", "OUTPATIENT_VISITS", "341500", "2024", "2025"));
		this.api.awaitFinished(CITY, id, PATIENCE);

		String disposition = this.api.get(CITY, "/api/v1/exports/" + id + "/file").getResponse().getHeader("Content-Disposition");

		// 门诊诊疗人次_六安市_2024-2025.csv, percent-encoded as UTF-8 (RFC 5987)
		assertThat(disposition).isEqualTo("attachment; filename=\"OUTPATIENT_VISITS_341500_2024-2025.csv\"; filename*=UTF-8''"
				+ "%E9%97%A8%E8%AF%8A%E8%AF%8A%E7%96%97%E4%BA%BA%E6%AC%A1_%E5%85%AD%E5%AE%89%E5%B8%82_2024-2025.csv");
	}

	@Test
	void xlsxHoldsNumbersInNumericCellsUnderAFrozenChineseHeader() throws IOException {
		String id = this.api.request(CITY,
				"{\"format\":\"xlsx\",\"indicators\":[\"OUTPATIENT_VISITS\",\"HEALTH_CHECK_COMPLETION_RATE\"],\"region\":\"341523\",\"from\":\"2024\",\"to\":\"2024\"}");
		this.api.awaitFinished(CITY, id, PATIENCE);

		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(this.api.file(CITY, id)))) {
			XSSFSheet sheet = workbook.getSheet("数据");
			assertThat(cells(sheet.getRow(0))).containsExactly("指标代码", "指标名称", "地区代码", "地区名称", "期间", "数值", "分子", "分母", "单位");
			assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
			assertThat(sheet.getLastRowNum()).isEqualTo(5);
			// key order: HEALTH_CHECK_COMPLETION_RATE| sorts before OUTPATIENT_VISITS|
			XSSFRow rate = sheet.getRow(1);
			assertThat(cells(rate)).startsWith("HEALTH_CHECK_COMPLETION_RATE", "体检完成率", "341523", "舒城县", "2024")
				.endsWith("26071.0", "39229.0", "%");
			assertThat(rate.getCell(5).getCellType()).isEqualTo(CellType.NUMERIC);
			// the double nearest the stored decimal: Excel holds nothing closer
			assertThat(rate.getCell(5).getNumericCellValue()).isEqualTo(Double.parseDouble("66.45976191083127"));
			assertThat(rate.getCell(2).getCellType()).isEqualTo(CellType.STRING);
			XSSFRow january = sheet.getRow(2);
			assertThat(january.getCell(5).getNumericCellValue()).isEqualTo(98120.0);
			assertThat(january.getCell(6)).isNull();
			assertThat(sheet.getRow(5).getCell(4).getStringCellValue()).isEqualTo("2024Q1");
			assertThat(sheet.getRow(5).getCell(5).getNumericCellValue()).isEqualTo(286630.0);
		}
	}

	@Test
	void jsonIsOneArrayWithExactDecimals() {
		String id = this.api.request(CITY, observations("json", "HEALTH_CHECK_COMPLETION_RATE", "341500", "2024", "2024"));
		this.api.awaitFinished(CITY, id, PATIENCE);

		JsonNode rows = this.api.json().readTree(this.api.file(CITY, id));

		assertThat(rows).hasSize(1);
		assertThat(rows.get(0).get("value").decimalValue()).isEqualByComparingTo("66.45976191083127");
		assertThat(rows.get(0).get("numerator").decimalValue()).isEqualByComparingTo("26071");
		assertThat(rows.get(0).get("regionName").asString()).isEqualTo("舒城县");
		assertThat(rows.get(0).get("unit").asString()).isEqualTo("%");
	}

	@Test
	void sdmxCsvFollowsTheVersionTwoColumns() {
		String id = this.api.request(CITY, observations("sdmx-csv", "OUTPATIENT_VISITS", "341523", "2024Q1", "2024Q1"));
		this.api.awaitFinished(CITY, id, PATIENCE);

		assertThat(lines(this.api.file(CITY, id), 0)).containsExactly(
				"STRUCTURE,STRUCTURE_ID,ACTION,FREQ,INDICATOR,REF_AREA,TIME_PERIOD,OBS_VALUE,UNIT_MEASURE,OBS_NUMERATOR,OBS_DENOMINATOR",
				"dataflow,HEALTHSTATS:DF_HEALTH_INDICATORS(1.0),I,M,OUTPATIENT_VISITS,341523,2024-01,98120,人次,,",
				"dataflow,HEALTHSTATS:DF_HEALTH_INDICATORS(1.0),I,M,OUTPATIENT_VISITS,341523,2024-02,87310,人次,,",
				"dataflow,HEALTHSTATS:DF_HEALTH_INDICATORS(1.0),I,M,OUTPATIENT_VISITS,341523,2024-03,101200,人次,,",
				"dataflow,HEALTHSTATS:DF_HEALTH_INDICATORS(1.0),I,Q,OUTPATIENT_VISITS,341523,2024-Q1,286630,人次,,");
	}

	@Test
	void dhis2JsonIsADataValueSetWithDhis2PeriodIds() {
		String id = this.api.request(CITY,
				"{\"format\":\"dhis2-json\",\"indicators\":[\"BIRTHS\",\"HEALTH_CHECK_COMPLETION_RATE\"],\"region\":\"341523\",\"from\":\"2024\",\"to\":\"2024\"}");
		this.api.awaitFinished(CITY, id, PATIENCE);

		JsonNode values = this.api.json().readTree(this.api.file(CITY, id)).get("dataValues");

		assertThat(values).hasSize(2);
		assertThat(values.get(0).toString())
			.isEqualTo("{\"dataElement\":\"BIRTHS\",\"period\":\"2024\",\"orgUnit\":\"341523\",\"value\":\"6685\"}");
		assertThat(values.get(1).get("value").asString()).isEqualTo("66.45976191083127");
		assertThat(values.get(1).get("comment").asString()).isEqualTo("numerator=26071;denominator=39229");
	}

	@Test
	void anExportWithoutMatchingRowsIsAnEmptyFileWithItsHeader() {
		String id = this.api.request(CITY, observations("csv", "BIRTHS", "341502", "2024", "2024"));
		JsonNode job = this.api.awaitFinished(CITY, id, PATIENCE);

		assertThat(job.get("status").asString()).isEqualTo("DONE");
		assertThat(job.get("rows").asLong()).isZero();
		assertThat(lines(this.api.file(CITY, id), 3)).hasSize(1);
	}

	@Test
	void docxHasTheTitleHeadingsTextAndATableOfTheFigures() throws IOException {
		String text = "舒城县卫健委2024年工作总结\n一、2024年工作完成情况\n(一)医疗服务\n全年门诊诊疗人次达到98.5万人次。\n(二)公共卫生\n完成体检26071人。\n二、2025年工作打算\n继续推进医共体建设。\n";
		UPSTREAM.report(report("r-docx-1", "341523", "舒城县卫健委2024年工作总结", text),
				List.of(figure("98.5万人次", "一/(一)", "985000", "人次", "OUTPATIENT_VISITS", "COUNT"),
						figure("26071人", "一/(二)", "26071", "人", "HEALTH_CHECK_COMPLETED", "COUNT")));
		String id = this.api.request("county-341523", "{\"format\":\"docx\",\"report\":\"r-docx-1\"}");
		JsonNode job = this.api.awaitFinished("county-341523", id, PATIENCE);
		MvcTestResult download = this.api.get("county-341523", "/api/v1/exports/" + id + "/file");

		assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("DONE");
		assertThat(download.getResponse().getHeader("Content-Disposition")).startsWith("attachment; filename=\"report-r-docx-1.docx\"")
			.contains("filename*=UTF-8''%E8%88%92%E5%9F%8E%E5%8E%BF");
		try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(download.getResponse().getContentAsByteArray()))) {
			Map<String, String> styled = new LinkedHashMap<>();
			List<String> body = new ArrayList<>();
			for (XWPFParagraph paragraph : document.getParagraphs()) {
				if (paragraph.getStyle() != null) {
					styled.put(paragraph.getText(), paragraph.getStyle());
				}
				else {
					body.add(paragraph.getText());
				}
			}
			assertThat(document.getParagraphs().get(0).getText()).isEqualTo("舒城县卫健委2024年工作总结");
			assertThat(styled).containsEntry("舒城县卫健委2024年工作总结", "Title")
				.containsEntry("一、2024年工作完成情况", "Heading1")
				.containsEntry("(一)医疗服务", "Heading2")
				.containsEntry("(二)公共卫生", "Heading2")
				.containsEntry("二、2025年工作打算", "Heading1");
			assertThat(body).contains("全年门诊诊疗人次达到98.5万人次。", "完成体检26071人。", "继续推进医共体建设。");
			assertThat(body.get(0)).contains("舒城县(341523)", "期间:2024", "ANNUAL_SUMMARY");
			XWPFTable figures = document.getTables().get(0);
			assertThat(figures.getRows()).hasSize(3);
			assertThat(figures.getRow(0).getCell(1).getText()).isEqualTo("原文");
			assertThat(figures.getRow(1).getCell(1).getText()).isEqualTo("98.5万人次");
			assertThat(figures.getRow(1).getCell(3).getText()).isEqualTo("985000");
			assertThat(figures.getRow(2).getCell(5).getText()).isEqualTo("HEALTH_CHECK_COMPLETED");
		}
	}

	static Map<String, Object> report(String id, String region, String title, String text) {
		Map<String, Object> report = new LinkedHashMap<>();
		report.put("id", id);
		report.put("title", title);
		report.put("region", region);
		report.put("period", "2024");
		report.put("kind", "ANNUAL_SUMMARY");
		report.put("status", "APPROVED");
		report.put("version", 2);
		report.put("text", text);
		report.put("sections", List.of(
				section(text, "一", "2024年工作完成情况", 1, "二、",
						List.of(section(text, "(一)", "医疗服务", 2, "(二)", List.of()), section(text, "(二)", "公共卫生", 2, "二、", List.of()))),
				section(text, "二", "2025年工作打算", 1, null, List.of())));
		return report;
	}

	/** A section from where its number stands to where {@code next} starts (or the end of the text). */
	private static Map<String, Object> section(String text, String number, String title, int level, String next,
			List<Map<String, Object>> children) {
		int start = text.indexOf(number + (level == 1 ? "、" : "") + title);
		int end = next == null ? text.length() : text.indexOf(next, start + 1);
		return Map.of("number", number, "title", title, "level", level, "start", start, "end", end, "part", "SUMMARY",
				"children", children);
	}

	static Map<String, Object> figure(String text, String section, String value, String unit, String indicator, String kind) {
		Map<String, Object> figure = new LinkedHashMap<>();
		figure.put("text", text);
		figure.put("start", 0);
		figure.put("end", text.length());
		figure.put("section", section);
		figure.put("value", new java.math.BigDecimal(value));
		figure.put("unit", unit);
		figure.put("indicator", indicator);
		figure.put("kind", kind);
		figure.put("placeholder", false);
		return figure;
	}

	private static List<String> lines(byte[] bytes, int skip) {
		return List.of(new String(bytes, skip, bytes.length - skip, StandardCharsets.UTF_8).split("\r\n"));
	}

	private static List<String> cells(XSSFRow row) {
		List<String> cells = new ArrayList<>();
		row.forEach(cell -> cells.add(cell.getCellType() == CellType.NUMERIC ? Double.toString(cell.getNumericCellValue())
				: cell.getStringCellValue()));
		return cells;
	}

}
