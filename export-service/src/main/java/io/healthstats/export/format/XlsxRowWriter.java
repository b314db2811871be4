package io.healthstats.export.format;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * An Excel workbook (Office Open XML SpreadsheetML) written straight into the stream as the rows come:
 * each sheet's XML goes into its zip entry through one 64 KiB buffer, the few small parts that list the
 * sheets (workbook, relationships, content types) follow at {@link #close()}. Nothing is kept but the
 * buffer and the encoded texts, whatever the export's size.
 *
 * <p>Values are numeric cells holding the stored decimal, which Excel (and POI) read as the double nearest
 * to it — a statistician sums them without converting text; codes stay text (a region code is a name, not
 * a number), as inline strings; the header is Chinese, bold and frozen. A sheet holds at most 1,048,576
 * rows; a bigger export continues on 数据(2), 数据(3)…
 *
 * <p>Why not POI's streaming SXSSF (used before): it wrote every sheet to a temporary file, read it back
 * and zipped it — 24 CPU-seconds a million rows, against ~4 here — and XLSX must stay within three times
 * the CSV's time. The workbook holds just the parts a SpreadsheetML package needs (no shared strings, no
 * document properties); the tests read every cell back with POI.
 */
final class XlsxRowWriter implements RowWriter {

	static final String[] HEADER = { "指标代码", "指标名称", "地区代码", "地区名称", "期间", "数值", "分子", "分母", "单位" };

	static final String SHEET = "数据";

	private static final int[] WIDTHS = { 30, 22, 10, 12, 9, 16, 14, 14, 8 };

	/** Excel's limit, the header row included. */
	static final int ROWS_PER_SHEET = 1_048_576;

	private static final int FLUSH_AT = 1 << 16;

	/** Distinct texts kept encoded; past that (never with codes and names) texts are encoded each time. */
	private static final int MAX_ENCODED = 20_000;

	private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

	private static final String RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

	private static final String PACKAGE_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships";

	private static final byte[] ROW_END = ascii("</row>");

	private static final byte[] ROW_START = ascii("<row r=\"");

	private static final byte[] TEXT_START = ascii("\" t=\"inlineStr\"><is><t>");

	/** For a text with leading or trailing white space, which Excel would otherwise trim. */
	private static final byte[] PRESERVED_TEXT_START = ascii("\" t=\"inlineStr\"><is><t xml:space=\"preserve\">");

	private static final byte[] TEXT_END = ascii("</t></is></c>");

	private static final byte[] NUMBER_START = ascii("\"><v>");

	private static final byte[] NUMBER_END = ascii("</v></c>");

	private static final byte[] CELL = ascii("<c r=\"");

	private final ZipOutputStream zip;

	private final byte[] buffer = new byte[FLUSH_AT + 4096];

	private int length;

	private final Map<String, byte[]> encoded = new HashMap<>();

	/** The current row number (1-based, as in cell references), as ASCII digits. */
	private final byte[] rowDigits = new byte[8];

	private int rowDigitsLength;

	private final int rowsPerSheet;

	private int sheets;

	private int next;

	XlsxRowWriter(OutputStream out) {
		this(out, ROWS_PER_SHEET);
	}

	/** @param rowsPerSheet rows a sheet holds, its header included (Excel's limit; fewer in tests) */
	XlsxRowWriter(OutputStream out, int rowsPerSheet) {
		this.rowsPerSheet = rowsPerSheet;
		// closing the zip finishes it without closing the stream, which belongs to the caller
		this.zip = new ZipOutputStream(new OutputStream() {

			@Override
			public void write(int b) throws IOException {
				out.write(b);
			}

			@Override
			public void write(byte[] bytes, int offset, int count) throws IOException {
				out.write(bytes, offset, count);
			}

			@Override
			public void flush() throws IOException {
				out.flush();
			}

		}, StandardCharsets.UTF_8);
		// the fastest deflate level: the sheet XML shrinks almost as much, in a fraction of the CPU
		this.zip.setLevel(Deflater.BEST_SPEED);
		try {
			newSheet();
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	@Override
	public void write(Row row) throws IOException {
		if (this.next == this.rowsPerSheet) {
			endSheet();
			newSheet();
		}
		startRow(++this.next);
		text('A', row.indicator());
		text('B', row.indicatorName());
		text('C', row.region());
		text('D', row.regionName());
		text('E', row.period());
		number('F', row.value());
		number('G', row.numerator());
		number('H', row.denominator());
		text('I', row.unit());
		put(ROW_END);
		if (this.length >= FLUSH_AT) {
			drain();
		}
	}

	@Override
	public void close() throws IOException {
		endSheet();
		entry("[Content_Types].xml", contentTypes());
		entry("_rels/.rels", "<Relationships xmlns=\"" + PACKAGE_RELATIONSHIPS + "\"><Relationship Id=\"rId1\" Type=\""
				+ RELATIONSHIPS + "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
		entry("xl/workbook.xml", workbook());
		entry("xl/_rels/workbook.xml.rels", workbookRelationships());
		entry("xl/styles.xml", STYLES);
		this.zip.finish();
		this.zip.flush();
	}

	private void newSheet() throws IOException {
		this.sheets++;
		this.zip.putNextEntry(new ZipEntry("xl/worksheets/sheet" + this.sheets + ".xml"));
		StringBuilder head = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\"")
			.append(MAIN).append("\" xmlns:r=\"").append(RELATIONSHIPS).append("\">")
			// the header row frozen: it stays in view while the rows scroll
			.append("<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" ")
			.append("state=\"frozen\"/><selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\"/></sheetView></sheetViews>")
			.append("<sheetFormatPr defaultRowHeight=\"15\"/><cols>");
		for (int i = 0; i < WIDTHS.length; i++) {
			head.append("<col min=\"").append(i + 1).append("\" max=\"").append(i + 1).append("\" width=\"").append(WIDTHS[i])
				.append("\" customWidth=\"1\"/>");
		}
		head.append("</cols><sheetData><row r=\"1\">");
		for (int i = 0; i < HEADER.length; i++) {
			head.append("<c r=\"").append((char) ('A' + i)).append("1\" s=\"1\" t=\"inlineStr\"><is><t>").append(HEADER[i])
				.append("</t></is></c>");
		}
		head.append("</row>");
		put(head.toString().getBytes(StandardCharsets.UTF_8));
		this.next = 1;
	}

	private void endSheet() throws IOException {
		put(ascii("</sheetData></worksheet>"));
		drain();
		this.zip.closeEntry();
	}

	private void startRow(int number) throws IOException {
		int n = number;
		int digits = 0;
		do {
			this.rowDigits[this.rowDigits.length - 1 - digits++] = (byte) ('0' + n % 10);
			n /= 10;
		}
		while (n > 0);
		System.arraycopy(this.rowDigits, this.rowDigits.length - digits, this.rowDigits, 0, digits);
		this.rowDigitsLength = digits;
		put(ROW_START);
		put(this.rowDigits, this.rowDigitsLength);
		put((byte) '"');
		put((byte) '>');
	}

	/** An inline-string cell; none for an empty text. Each distinct text is escaped and encoded once. */
	private void text(char column, String value) throws IOException {
		if (value == null || value.isEmpty()) {
			return;
		}
		byte[] cell = this.encoded.get(value);
		if (cell == null) {
			cell = textCell(value);
			if (this.encoded.size() < MAX_ENCODED) {
				this.encoded.put(value, cell);
			}
		}
		reference(column);
		put(cell);
	}

	/** What follows a text cell's reference: its type, the escaped text in UTF-8, the end tags. */
	private static byte[] textCell(String value) {
		boolean spaced = Character.isWhitespace(value.charAt(0)) || Character.isWhitespace(value.charAt(value.length() - 1));
		byte[] start = spaced ? PRESERVED_TEXT_START : TEXT_START;
		byte[] text = escape(value).getBytes(StandardCharsets.UTF_8);
		byte[] cell = new byte[start.length + text.length + TEXT_END.length];
		System.arraycopy(start, 0, cell, 0, start.length);
		System.arraycopy(text, 0, cell, start.length, text.length);
		System.arraycopy(TEXT_END, 0, cell, start.length + text.length, TEXT_END.length);
		return cell;
	}

	/** A numeric cell holding the decimal as stored; none for a missing number. */
	private void number(char column, BigDecimal value) throws IOException {
		if (value == null) {
			return;
		}
		reference(column);
		put(NUMBER_START);
		String digits = value.toPlainString();
		if (this.length + digits.length() > this.buffer.length) {
			drain();
		}
		if (digits.length() > this.buffer.length) {
			this.zip.write(digits.getBytes(StandardCharsets.US_ASCII));
		}
		else {
			for (int i = 0; i < digits.length(); i++) {
				this.buffer[this.length++] = (byte) digits.charAt(i);
			}
		}
		put(NUMBER_END);
	}

	private void reference(char column) throws IOException {
		put(CELL);
		put((byte) column);
		put(this.rowDigits, this.rowDigitsLength);
	}

	private void put(byte[] bytes) throws IOException {
		put(bytes, bytes.length);
	}

	private void put(byte[] bytes, int count) throws IOException {
		if (this.length + count > this.buffer.length) {
			drain();
			if (count > this.buffer.length) {
				this.zip.write(bytes, 0, count);
				return;
			}
		}
		System.arraycopy(bytes, 0, this.buffer, this.length, count);
		this.length += count;
	}

	private void put(byte b) throws IOException {
		if (this.length == this.buffer.length) {
			drain();
		}
		this.buffer[this.length++] = b;
	}

	private void drain() throws IOException {
		this.zip.write(this.buffer, 0, this.length);
		this.length = 0;
	}

	private void entry(String name, String content) throws IOException {
		this.zip.putNextEntry(new ZipEntry(name));
		this.zip.write(content.getBytes(StandardCharsets.UTF_8));
		this.zip.closeEntry();
	}

	private String contentTypes() {
		StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n")
			.append("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">")
			.append("<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>")
			.append("<Default Extension=\"xml\" ContentType=\"application/xml\"/>")
			.append("<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>")
			.append("<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>");
		for (int i = 1; i <= this.sheets; i++) {
			xml.append("<Override PartName=\"/xl/worksheets/sheet").append(i)
				.append(".xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>");
		}
		return xml.append("</Types>").toString();
	}

	private String workbook() {
		StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<workbook xmlns=\"")
			.append(MAIN).append("\" xmlns:r=\"").append(RELATIONSHIPS).append("\"><sheets>");
		for (int i = 1; i <= this.sheets; i++) {
			xml.append("<sheet name=\"").append(i == 1 ? SHEET : SHEET + "(" + i + ")").append("\" sheetId=\"").append(i)
				.append("\" r:id=\"rId").append(i).append("\"/>");
		}
		return xml.append("</sheets></workbook>").toString();
	}

	private String workbookRelationships() {
		StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"")
			.append(PACKAGE_RELATIONSHIPS).append("\">");
		for (int i = 1; i <= this.sheets; i++) {
			xml.append("<Relationship Id=\"rId").append(i).append("\" Type=\"").append(RELATIONSHIPS)
				.append("/worksheet\" Target=\"worksheets/sheet").append(i).append(".xml\"/>");
		}
		xml.append("<Relationship Id=\"rId").append(this.sheets + 1).append("\" Type=\"").append(RELATIONSHIPS)
			.append("/styles\" Target=\"styles.xml\"/>");
		return xml.append("</Relationships>").toString();
	}

	/** Two cell formats: 0 the default, 1 bold (the header). */
	private static final String STYLES = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<styleSheet xmlns=\"" + MAIN + "\">"
			+ "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>"
			+ "<font><b/><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font></fonts>"
			+ "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>"
			+ "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
			+ "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
			+ "<cellXfs count=\"2\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
			+ "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/></cellXfs>"
			+ "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles></styleSheet>";

	/**
	 * Text as XML character data: markup characters escaped, characters XML 1.0 cannot hold replaced by
	 * "?" (as POI does); a text longer than Excel's 32,767 characters is cut there.
	 */
	static String escape(String text) {
		String value = text.length() > 32_767 ? text.substring(0, 32_767) : text;
		StringBuilder xml = new StringBuilder(value.length() + 16);
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '&' -> xml.append("&amp;");
				case '<' -> xml.append("&lt;");
				case '>' -> xml.append("&gt;");
				default -> xml.append(c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0xFFFE || c == 0xFFFF ? '?' : c);
			}
		}
		return xml.toString();
	}

	private static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.US_ASCII);
	}

}
