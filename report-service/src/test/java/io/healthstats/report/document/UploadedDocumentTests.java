package io.healthstats.report.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class UploadedDocumentTests {

	private static final String TEXT = "一、2024年第一季度工作总结\n(一)全县共有医疗卫生机构463个,执业(助理)医师1512人。";

	@Test
	void readsParagraphsAndTablesOfADocxInOrder() throws IOException {
		byte[] docx = docx("一、2024年第一季度工作总结", "(一)全县共有医疗卫生机构463个。");

		String text = UploadedDocument.text("舒城县一季度总结.docx", null, docx);

		assertThat(text).isEqualTo("一、2024年第一季度工作总结\n(一)全县共有医疗卫生机构463个。\n指标\t数值\n注册护士\t1560人\n");
	}

	@Test
	void readsUtf8Text() {
		assertThat(UploadedDocument.text("总结.txt", "text/plain", TEXT.getBytes(StandardCharsets.UTF_8))).isEqualTo(TEXT);
	}

	@Test
	void detectsTheTypeOfAFileWithoutAName() throws IOException {
		assertThat(UploadedDocument.text(null, null, TEXT.getBytes(StandardCharsets.UTF_8))).isEqualTo(TEXT);
		assertThat(UploadedDocument.text(null, null, docx("第一段"))).startsWith("第一段\n");
	}

	@Test
	void honoursADeclaredEncoding() {
		byte[] gbk = TEXT.getBytes(Charset.forName("GBK"));

		assertThat(UploadedDocument.text(null, "text/plain; charset=GBK", gbk)).isEqualTo(TEXT);
		assertThat(UploadedDocument.text(null, "text/plain; charset=Big5", "第一段".getBytes(Charset.forName("Big5"))))
			.isEqualTo("第一段");
	}

	@Test
	void detectsTheEncodingWhenTheDeclaredOneDoesNotFit() {
		byte[] gbk = TEXT.getBytes(Charset.forName("GBK"));

		assertThat(UploadedDocument.text(null, "text/plain; charset=UTF-8", gbk)).isEqualTo(TEXT);
	}

	@Test
	void readsGbkTextAsWrittenByChineseWindowsEditors() {
		byte[] gbk = TEXT.getBytes(Charset.forName("GBK"));

		assertThat(UploadedDocument.text("总结.txt", "text/plain", gbk)).isEqualTo(TEXT);
	}

	@Test
	void readsGb18030TextWithCharactersOutsideGbk() {
		String text = "㐀县卫健委:全县出生婴儿1210人。";
		byte[] gb18030 = text.getBytes(Charset.forName("GB18030"));

		assertThat(UploadedDocument.text("report.TXT", null, gb18030)).isEqualTo(text);
	}

	@Test
	void dropsAByteOrderMarkAndWindowsLineEnds() {
		byte[] bytes = ("\uFEFF" + "第一行\r\n第二行\r\n").getBytes(StandardCharsets.UTF_8);

		assertThat(UploadedDocument.text("a.txt", null, bytes)).isEqualTo("第一行\n第二行\n");
	}

	@Test
	void rejectsADamagedDocx() {
		byte[] broken = "PK\u0003\u0004 这不是一个完整的压缩包".getBytes(StandardCharsets.UTF_8);

		assertThatExceptionOfType(UnreadableDocumentException.class)
			.isThrownBy(() -> UploadedDocument.text("a.docx", null, broken))
			.withMessageContaining("damaged");
	}

	@Test
	void rejectsTextRenamedToDocx() {
		assertThatExceptionOfType(UnreadableDocumentException.class)
			.isThrownBy(() -> UploadedDocument.text("a.docx", null, TEXT.getBytes(StandardCharsets.UTF_8)))
			.withMessageContaining("not a valid .docx");
	}

	@Test
	void tellsTheAuthorToSaveALegacyDocAsDocx() {
		assertThatExceptionOfType(UnsupportedDocumentException.class)
			.isThrownBy(() -> UploadedDocument.text("总结.doc", "application/msword", new byte[] { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0 }))
			.withMessageContaining(".docx");
	}

	@Test
	void rejectsPdf() {
		assertThatExceptionOfType(UnsupportedDocumentException.class)
			.isThrownBy(() -> UploadedDocument.text("总结.pdf", "application/pdf", "%PDF-1.7".getBytes(StandardCharsets.US_ASCII)))
			.withMessageContaining(".pdf");
	}

	@Test
	void rejectsBinaryDataCalledText() {
		byte[] binary = { 'P', 'K', 3, 4, 0, 0, 0, (byte) 0xFF, (byte) 0xFE, 0 };

		assertThatExceptionOfType(UnreadableDocumentException.class)
			.isThrownBy(() -> UploadedDocument.text("a.txt", "text/plain", binary))
			.withMessageContaining("neither UTF-8 nor GB18030");
	}

	@Test
	void rejectsEmptyAndBlankFiles() {
		assertThatExceptionOfType(UnreadableDocumentException.class)
			.isThrownBy(() -> UploadedDocument.text("a.txt", null, new byte[0]))
			.withMessageContaining("empty");
		assertThatExceptionOfType(UnreadableDocumentException.class)
			.isThrownBy(() -> UploadedDocument.text("a.txt", null, " \r\n\t".getBytes(StandardCharsets.UTF_8)))
			.withMessageContaining("no text");
	}

	static byte[] docx(String... paragraphs) throws IOException {
		try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			for (String paragraph : paragraphs) {
				document.createParagraph().createRun().setText(paragraph);
			}
			XWPFTable table = document.createTable(2, 2);
			table.getRow(0).getCell(0).setText("指标");
			table.getRow(0).getCell(1).setText("数值");
			table.getRow(1).getCell(0).setText("注册护士");
			table.getRow(1).getCell(1).setText("1560人");
			document.write(out);
			return out.toByteArray();
		}
	}

}
