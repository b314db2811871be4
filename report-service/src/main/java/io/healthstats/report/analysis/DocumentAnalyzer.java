package io.healthstats.report.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Finds the sections and figures of a report's text. Thread-safe: build it once from the dictionary and share it.
 * <ul>
 * <li>Sections: {@code 一、} (level 1), {@code (一)} (2), {@code 1.}/{@code 1、} (3), {@code (1)} (4), see
 * {@link SectionParser}. A section titled 工作打算/计划/下一步… and everything under it is {@link Part#PLAN}.</li>
 * <li>Figures: every Arabic number (and every {@code 第N…} ordinal), full-width forms and thousands separators
 * accepted, 万/亿 applied to the value, the unit kept as written ({@code 个百分点} as {@code 百分点}).
 * Heading numbers and page-break numbers of scraped documents are structure, not figures.</li>
 * <li>Kinds: see {@link FigureKind}; a value figure in the plan part is a {@link FigureKind#TARGET}.</li>
 * <li>Indicators: only for value figures and targets, see {@link IndicatorMatcher}.</li>
 * <li>Rates: see {@link RatePairing} for when a rate's numerator and denominator are found.</li>
 * </ul>
 */
public final class DocumentAnalyzer {

	private final IndicatorMatcher indicators;

	public DocumentAnalyzer(IndicatorDictionary dictionary) {
		this.indicators = new IndicatorMatcher(Objects.requireNonNull(dictionary, "dictionary"));
	}

	public Analysis analyze(String text) {
		Objects.requireNonNull(text, "text");
		Text t = new Text(text);
		List<SectionParser.Heading> headings = new SectionParser(t).parse();
		List<FigureScanner.Token> tokens = new FigureScanner(t).scan(headings);
		List<Figure> figures = new ArrayList<>(tokens.size());
		int lastValueEnd = 0;
		for (FigureScanner.Token token : tokens) {
			SectionParser.Heading section = innermost(headings, token.start());
			Part part = (section != null) ? section.part : Part.SUMMARY;
			FigureKind kind = FigureKinds.classify(token, t, part);
			String indicator = null;
			if (kind.isValue() || kind == FigureKind.TARGET) {
				int windowStart = Math.max(t.clauseStart(token.start()), lastValueEnd);
				indicator = this.indicators.match(t, token.start(), token.end(), windowStart, token.unit());
			}
			if (isStatement(kind)) {
				lastValueEnd = token.end();
			}
			figures.add(new Figure(text.substring(token.start(), token.end()), token.start(), token.end(),
					(section != null) ? section.path : "", token.value(), token.unit(), indicator, kind,
					token.placeholder()));
		}
		return new Analysis(SectionParser.tree(headings), figures, RatePairing.pair(t, figures));
	}

	/** Dates, ages and ordinals qualify the figure after them (第二剂534618剂), so the look-back runs over them. */
	private static boolean isStatement(FigureKind kind) {
		return kind != FigureKind.YEAR && kind != FigureKind.DATE && kind != FigureKind.AGE
				&& kind != FigureKind.ORDINAL;
	}

	/** The last heading starting at or before the offset: sections nest, so it is the innermost one. */
	private static SectionParser.Heading innermost(List<SectionParser.Heading> headings, int offset) {
		int low = 0;
		int high = headings.size() - 1;
		SectionParser.Heading found = null;
		while (low <= high) {
			int mid = (low + high) >>> 1;
			if (headings.get(mid).start <= offset) {
				found = headings.get(mid);
				low = mid + 1;
			}
			else {
				high = mid - 1;
			}
		}
		return found;
	}

}
