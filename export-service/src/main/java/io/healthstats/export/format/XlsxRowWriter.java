package io.healthstats.export.format;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.zip.Deflater;

import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.io.output.CloseShieldOutputStream;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.xssf.streaming.SXSSFRow;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * An Excel workbook written with POI's streaming SXSSF: only the last {@value #WINDOW} rows stay in
 * memory, the rest go to a temporary file until {@link #close()} zips the workbook into the stream.
 * Values are numeric cells (a statistician sums them without converting text), codes stay text (a
 * region code is a name, not a number), headers are Chinese, the header row is frozen. A sheet holds
 * at most 1,048,576 rows; a bigger export continues on 数据(2), 数据(3)…
 */
final class XlsxRowWriter implements RowWriter {

	static final String[] HEADER = { "指标代码", "指标名称", "地区代码", "地区名称", "期间", "数值", "分子", "分母", "单位" };

	static final String SHEET = "数据";

	private static final int WINDOW = 100;

	private static final int[] WIDTHS = { 30, 22, 10, 12, 9, 16, 14, 14, 8 };

	private static final int ROWS_PER_SHEET = SpreadsheetVersion.EXCEL2007.getMaxRows();

	private final OutputStream out;

	private final SXSSFWorkbook workbook;

	private final CellStyle headerStyle;

	private SXSSFSheet sheet;

	private int sheets;

	private int next;

	XlsxRowWriter(OutputStream out) {
		this.out = out;
		// inline strings, not POI's shared-strings table: measured on a million rows, the table (XMLBeans
		// objects behind every lookup) doubled the run time and filled the 256 MB heap
		this.workbook = new SXSSFWorkbook(null, WINDOW, false, false) {

			@Override
			protected ZipArchiveOutputStream createArchiveOutputStream(OutputStream out) {
				// the fastest deflate level: the sheet XML shrinks almost as much, in a fraction of the CPU
				ZipArchiveOutputStream zip = super.createArchiveOutputStream(out);
				zip.setLevel(Deflater.BEST_SPEED);
				return zip;
			}

		};
		this.headerStyle = this.workbook.createCellStyle();
		Font bold = this.workbook.createFont();
		bold.setBold(true);
		this.headerStyle.setFont(bold);
		newSheet();
	}

	@Override
	public void write(Row row) {
		if (this.next == ROWS_PER_SHEET) {
			newSheet();
		}
		SXSSFRow cells = this.sheet.createRow(this.next++);
		cells.createCell(0).setCellValue(row.indicator());
		cells.createCell(1).setCellValue(row.indicatorName());
		cells.createCell(2).setCellValue(row.region());
		cells.createCell(3).setCellValue(row.regionName());
		cells.createCell(4).setCellValue(row.period());
		number(cells, 5, row.value());
		number(cells, 6, row.numerator());
		number(cells, 7, row.denominator());
		cells.createCell(8).setCellValue(row.unit());
	}

	@Override
	public void close() throws IOException {
		try {
			this.workbook.write(CloseShieldOutputStream.wrap(this.out));
		}
		finally {
			// deletes the temporary sheet files
			this.workbook.close();
		}
	}

	@Override
	public void abandon() {
		try {
			this.workbook.close();
		}
		catch (IOException ex) {
			// only temporary files were left behind
		}
	}

	private void newSheet() {
		this.sheets++;
		this.sheet = this.workbook.createSheet(this.sheets == 1 ? SHEET : SHEET + "(" + this.sheets + ")");
		for (int i = 0; i < WIDTHS.length; i++) {
			this.sheet.setColumnWidth(i, WIDTHS[i] * 256);
		}
		SXSSFRow header = this.sheet.createRow(0);
		for (int i = 0; i < HEADER.length; i++) {
			header.createCell(i).setCellValue(HEADER[i]);
			header.getCell(i).setCellStyle(this.headerStyle);
		}
		this.sheet.createFreezePane(0, 1);
		this.next = 1;
	}

	private static void number(SXSSFRow cells, int column, BigDecimal value) {
		if (value != null) {
			// the double nearest the decimal (BigDecimal.doubleValue can miss it by one ulp before Java 19)
			cells.createCell(column).setCellValue(Double.parseDouble(value.toString()));
		}
	}

}
