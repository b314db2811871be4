package io.healthstats.export.format;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.util.List;

import org.apache.commons.io.output.CloseShieldOutputStream;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPrGeneral;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

/**
 * A report as a Word document: the title, a line with region, period, kind, status and version, the
 * text under real heading styles (so Word's navigation pane and table of contents see the 一、(一)
 * structure), and an appendix table of every number the analysis found. A report is at most a few
 * megabytes of text, so the document is built in memory.
 */
public final class ReportDocxWriter {

	static final String FIGURES_HEADING = "附表 报告中的数字";

	static final String[] FIGURE_COLUMNS = { "序号", "原文", "章节", "数值", "单位", "指标", "类型", "待填" };

	private ReportDocxWriter() {
	}

	public static void write(ReportContent report, OutputStream out) throws IOException {
		try (XWPFDocument document = new XWPFDocument()) {
			styles(document);
			XWPFParagraph title = document.createParagraph();
			title.setStyle("Title");
			title.setAlignment(ParagraphAlignment.CENTER);
			title.createRun().setText(report.title());
			paragraph(document, "地区:" + report.regionName() + "(" + report.region() + ")  期间:" + report.period()
					+ "  类型:" + report.kind() + "  状态:" + report.status() + "  版本:" + report.version());
			String text = report.text() == null ? "" : report.text();
			int firstSection = report.sections().isEmpty() ? text.length() : report.sections().get(0).start();
			body(document, text.substring(0, Math.min(firstSection, text.length())));
			for (ReportContent.Section section : report.sections()) {
				section(document, text, section);
			}
			figures(document, report.figures());
			document.write(CloseShieldOutputStream.wrap(out));
		}
	}

	private static void section(XWPFDocument document, String text, ReportContent.Section section) {
		XWPFParagraph heading = document.createParagraph();
		heading.setStyle("Heading" + Math.min(Math.max(section.level(), 1), 4));
		heading.createRun().setText(numbered(section));
		int end = section.children().isEmpty() ? section.end() : section.children().get(0).start();
		String own = text.substring(clamp(section.start(), text), clamp(end, text));
		// the heading line is already the heading: drop the number and title from the body
		int titleAt = section.title() == null || section.title().isEmpty() ? -1 : own.indexOf(section.title());
		String rest = titleAt >= 0 ? own.substring(titleAt + section.title().length()) : own.substring(Math.min(own.length(),
				section.number() == null ? 0 : section.number().length()));
		body(document, rest.replaceFirst("^[。:：、.．\\s]+", ""));
		for (ReportContent.Section child : section.children()) {
			section(document, text, child);
		}
	}

	/** 一、 for level 1, (一) for 2, 1. for 3, (1) for 4, as Chinese official documents number them. */
	static String numbered(ReportContent.Section section) {
		String number = section.number() == null ? "" : section.number();
		String title = section.title() == null ? "" : section.title();
		return switch (section.level()) {
			case 1 -> number + "、" + title;
			case 3 -> number + ". " + title;
			default -> number + title;
		};
	}

	private static void body(XWPFDocument document, String text) {
		for (String line : text.split("\\R")) {
			if (!line.isBlank()) {
				paragraph(document, line.strip());
			}
		}
	}

	private static void paragraph(XWPFDocument document, String text) {
		document.createParagraph().createRun().setText(text);
	}

	private static void figures(XWPFDocument document, List<ReportContent.Figure> figures) {
		XWPFParagraph heading = document.createParagraph();
		heading.setStyle("Heading1");
		heading.createRun().setText(FIGURES_HEADING);
		XWPFTable table = document.createTable(figures.size() + 1, FIGURE_COLUMNS.length);
		table.setWidth("100%");
		XWPFTableRow header = table.getRow(0);
		for (int i = 0; i < FIGURE_COLUMNS.length; i++) {
			XWPFRun run = header.getCell(i).getParagraphs().get(0).createRun();
			run.setBold(true);
			run.setText(FIGURE_COLUMNS[i]);
		}
		header.setRepeatHeader(true);
		for (int i = 0; i < figures.size(); i++) {
			ReportContent.Figure figure = figures.get(i);
			String[] cells = { Integer.toString(i + 1), figure.text(), figure.section(), Row.plain(figure.value()),
					figure.unit(), figure.indicator(), figure.kind(), figure.placeholder() ? "是" : "" };
			XWPFTableRow row = table.getRow(i + 1);
			for (int c = 0; c < cells.length; c++) {
				row.getCell(c).setText(cells[c] == null ? "" : cells[c]);
			}
		}
	}

	private static void styles(XWPFDocument document) {
		XWPFStyles styles = document.createStyles();
		style(styles, "Title", "Title", -1, 36);
		style(styles, "Heading1", "heading 1", 0, 32);
		style(styles, "Heading2", "heading 2", 1, 30);
		style(styles, "Heading3", "heading 3", 2, 28);
		style(styles, "Heading4", "heading 4", 3, 24);
	}

	private static void style(XWPFStyles styles, String id, String name, int outlineLevel, int halfPoints) {
		CTStyle style = CTStyle.Factory.newInstance();
		style.setStyleId(id);
		style.setType(STStyleType.PARAGRAPH);
		style.addNewName().setVal(name);
		style.addNewQFormat();
		CTPPrGeneral paragraph = style.addNewPPr();
		paragraph.addNewKeepNext();
		if (outlineLevel >= 0) {
			paragraph.addNewOutlineLvl().setVal(BigInteger.valueOf(outlineLevel));
		}
		CTRPr run = style.addNewRPr();
		run.addNewB();
		run.addNewSz().setVal(BigInteger.valueOf(halfPoints));
		run.addNewRFonts().setEastAsia("黑体");
		styles.addStyle(new XWPFStyle(style, styles));
	}

	private static int clamp(int offset, String text) {
		return Math.max(0, Math.min(offset, text.length()));
	}

}
