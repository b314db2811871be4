package io.healthstats.export.format;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The workbook the XLSX export writes, opened with POI: sheets, header, cell types, texts that need escaping. */
class XlsxRowWriterTests {

	@Test
	void continuesOnANewSheetWithItsOwnHeaderWhenASheetIsFull() throws IOException {
		ByteArrayOutputStream file = new ByteArrayOutputStream();
		XlsxRowWriter writer = new XlsxRowWriter(file, 3);
		for (int month = 1; month <= 5; month++) {
			writer.write(new Row("BIRTHS", "出生人数", "341523", "舒城县", "20240" + month, new BigDecimal(500 + month), null, null, "人"));
		}
		writer.close();

		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file.toByteArray()))) {
			assertThat(workbook.getNumberOfSheets()).isEqualTo(3);
			assertThat(workbook.getSheetName(0)).isEqualTo("数据");
			assertThat(workbook.getSheetName(1)).isEqualTo("数据(2)");
			assertThat(workbook.getSheetName(2)).isEqualTo("数据(3)");
			// three rows a sheet, the header one of them: 2 + 2 + 1 data rows
			for (int s = 0; s < 3; s++) {
				XSSFSheet sheet = workbook.getSheetAt(s);
				assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("指标代码");
				assertThat(sheet.getRow(0).getCell(8).getStringCellValue()).isEqualTo("单位");
				assertThat(sheet.getRow(0).getCell(0).getCellStyle().getFont().getBold()).isTrue();
				assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
				assertThat(sheet.getLastRowNum()).isEqualTo(s < 2 ? 2 : 1);
			}
			assertThat(workbook.getSheetAt(1).getRow(1).getCell(4).getStringCellValue()).isEqualTo("202403");
			assertThat(workbook.getSheetAt(2).getRow(1).getCell(5).getNumericCellValue()).isEqualTo(505.0);
			assertThat(workbook.getSheetAt(0).getRow(1).getCell(1).getCellStyle().getFont().getBold()).isFalse();
			assertThat(workbook.getSheetAt(0).getColumnWidth(0)).isEqualTo(30 * 256);
		}
	}

	@Test
	void keepsTextsExactlyAndNumbersAsTheNearestDouble() throws IOException {
		ByteArrayOutputStream file = new ByteArrayOutputStream();
		XlsxRowWriter writer = new XlsxRowWriter(file);
		writer.write(new Row("A&B<C>", " 带空格 ", "341523", "\"引号\"", "2024", new BigDecimal("66.45848734354687"), new BigDecimal("26071"),
				new BigDecimal("39229"), "%"));
		writer.write(new Row("BIRTHS", "出生人数", "341523", "舒城县", "2024", new BigDecimal("0.000000000000000000001"), null, null, ""));
		writer.close();

		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file.toByteArray()))) {
			XSSFSheet sheet = workbook.getSheet("数据");
			assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("A&B<C>");
			assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo(" 带空格 ");
			assertThat(sheet.getRow(1).getCell(3).getStringCellValue()).isEqualTo("\"引号\"");
			assertThat(sheet.getRow(1).getCell(2).getCellType()).isEqualTo(CellType.STRING);
			assertThat(sheet.getRow(1).getCell(5).getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(sheet.getRow(1).getCell(5).getNumericCellValue()).isEqualTo(Double.parseDouble("66.45848734354687"));
			assertThat(sheet.getRow(1).getCell(7).getNumericCellValue()).isEqualTo(39229.0);
			assertThat(sheet.getRow(2).getCell(5).getNumericCellValue()).isEqualTo(1e-21);
			// no number, no text: no cell
			assertThat(sheet.getRow(2).getCell(6)).isNull();
			assertThat(sheet.getRow(2).getCell(8)).isNull();
		}
	}

}
