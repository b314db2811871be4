package io.healthstats.report.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the numbered headings of a report and builds the section tree.
 * <p>
 * Scraped reports are one long line, so a heading is recognized by its pattern and its place in the numbering
 * rather than by a line start: a candidate is taken when it is the next number expected at its level (one after
 * its previous sibling, or 1 to open a new level), and — for the Arabic levels, which also occur in running text —
 * when it follows a sentence end, a colon or the start of a line. Chinese-numeral headings are distinctive enough
 * to be taken anywhere when they continue the numbering; that tolerates a document title running into
 * {@code 一、} and OCR debris before {@code (三)}. Words ending in a numeral ({@code 统一、}, {@code 第一、二剂},
 * {@code 三、四级}) are not headings.
 */
final class SectionParser {

	private static final String CN = "[一二三四五六七八九十]{1,3}";

	/** Between "(" and the number a page break may intervene, as in the seeds ({@code (\n2、二)}). */
	private static final String OPEN = "\\((?:\\n\\d{1,3}、)?\\s*";

	private static final Pattern HEADING = Pattern.compile(
			"(?<l1>(?<![第一二三四五六七八九十统唯之万其逐同单初])(?<n1>" + CN + ")[、.](?![一二三四五六七八九十]+(?:级|类|等|、|剂|针|批|期|档)|级|类|等))"
					+ "|(?<l2>" + OPEN + "(?<n2>" + CN + "|[-—一])\\s*\\))"
					+ "|(?<l3>(?<![\\d.])(?<n3>\\d{1,2})(?:、|\\.(?!\\d)))"
					+ "|(?<l4>" + OPEN + "(?<n4>\\d{1,2})\\s*\\))");

	/** Where an Arabic-numbered heading may begin: after a sentence end, a colon, or at the start of a line. */
	private static final String STRONG_BEFORE = "。;:!?\n\r";

	/** Title ends (a heading without a full stop runs on into its first sentence; see {@link #trimRunOn}). */
	private static final String TITLE_END = "。;:!?\n\r";

	/** Longer than this, a title is suspected of running on into the body. */
	private static final int RUN_ON = 30;

	private static final int LONG_TITLE = 40;

	private static final int MIN_TITLE = 4;

	/** Words that open a body sentence right after a heading written without a full stop. */
	private static final Pattern BODY_OPENING = Pattern.compile(
			"县卫健局|县卫健委|县卫生健康委|我们|我县|我局|全县|下一季度|下一步|今年以来|今年|目前|截至|尽管|为确保|为|在|\\d{4}年");

	private static final Pattern PLAN_TITLE = Pattern.compile("下一步|明年|(打算|计划|安排|思路|要点|展望|重点)$");

	private final Text text;

	SectionParser(Text text) {
		this.text = text;
	}

	/** A heading found in the text, before the tree is assembled. */
	static final class Heading {

		final int level;

		final int ordinal;

		final String number;

		final int start;

		final int numberEnd;

		int end;

		String title;

		String path;

		Part part;

		Heading parent;

		final List<Heading> children = new ArrayList<>();

		Heading(int level, int ordinal, String number, int start, int numberEnd) {
			this.level = level;
			this.ordinal = ordinal;
			this.number = number;
			this.start = start;
			this.numberEnd = numberEnd;
		}

		Section toSection() {
			return new Section(this.number, this.title, this.level, this.start, this.end, this.part,
					this.children.stream().map(Heading::toSection).toList());
		}

	}

	/** The headings in text order, each linked to its parent and children. */
	List<Heading> parse() {
		List<Heading> headings = new ArrayList<>();
		Heading open = null;
		String s = this.text.folded;
		Matcher m = HEADING.matcher(s).useTransparentBounds(true);
		int i = 0;
		while (i < s.length()) {
			// the pattern is only tried where a heading number can start
			if (!canStartHeading(s.charAt(i))) {
				i++;
				continue;
			}
			m.region(i, s.length());
			if (!m.lookingAt()) {
				i++;
				continue;
			}
			i = m.end();
			if (this.text.isPageMarker(m.start())) {
				continue;
			}
			Heading candidate = candidate(m);
			if (candidate == null || !isStrongPlace(candidate) && candidate.level >= 3) {
				continue;
			}
			Heading parent = open;
			while (parent != null && parent.level >= candidate.level) {
				parent = parent.parent;
			}
			if (!continuesNumbering(candidate, parent, open)) {
				continue;
			}
			candidate.parent = parent;
			if (parent != null) {
				parent.children.add(candidate);
			}
			headings.add(candidate);
			open = candidate;
		}
		finish(headings);
		return headings;
	}

	private static boolean canStartHeading(char c) {
		return c == '(' || (c >= '0' && c <= '9') || "一二三四五六七八九十".indexOf(c) >= 0;
	}

	static List<Section> tree(List<Heading> headings) {
		return headings.stream().filter((h) -> h.parent == null).map(Heading::toSection).toList();
	}

	private Heading candidate(Matcher m) {
		if (m.group("l1") != null) {
			String n = m.group("n1");
			return new Heading(1, chineseNumber(n), n, m.start(), m.end());
		}
		if (m.group("l2") != null) {
			String n = m.group("n2");
			// OCR reads 一 in parentheses as a hyphen or a dash: (-)
			int ordinal = ("-".equals(n) || "—".equals(n)) ? 1 : chineseNumber(n);
			return (ordinal > 0) ? new Heading(2, ordinal, "(" + cnNumeral(ordinal) + ")", m.start(), m.end()) : null;
		}
		if (m.group("l3") != null) {
			int n = Integer.parseInt(m.group("n3"));
			return new Heading(3, n, Integer.toString(n), m.start(), m.end());
		}
		int n = Integer.parseInt(m.group("n4"));
		return new Heading(4, n, "(" + n + ")", m.start(), m.end());
	}

	private boolean isStrongPlace(Heading candidate) {
		int i = candidate.start - 1;
		while (i >= 0 && (this.text.at(i) == ' ' || this.text.at(i) == '\t')) {
			i--;
		}
		return i < 0 || STRONG_BEFORE.indexOf(this.text.at(i)) >= 0;
	}

	/**
	 * Whether the candidate is the next number at its level: 1 when its parent has no child of that level yet
	 * (for level 1: when there is none in the document), otherwise one more than the last one.
	 */
	private static boolean continuesNumbering(Heading candidate, Heading parent, Heading open) {
		Heading previous = null;
		if (parent != null) {
			for (Heading child : parent.children) {
				if (child.level == candidate.level) {
					previous = child;
				}
			}
		}
		else {
			for (Heading h = open; h != null; h = h.parent) {
				if (h.parent == null && h.level == candidate.level) {
					previous = h;
				}
			}
		}
		if (previous == null) {
			return candidate.ordinal == 1;
		}
		return candidate.ordinal == previous.ordinal + 1;
	}

	private void finish(List<Heading> headings) {
		for (int i = 0; i < headings.size(); i++) {
			Heading h = headings.get(i);
			h.end = this.text.length();
			for (int j = i + 1; j < headings.size(); j++) {
				if (headings.get(j).level <= h.level) {
					h.end = headings.get(j).start;
					break;
				}
			}
			int titleLimit = (i + 1 < headings.size()) ? Math.min(h.end, headings.get(i + 1).start) : h.end;
			h.title = title(h.numberEnd, titleLimit);
			h.path = (h.parent != null) ? h.parent.path + "/" + h.number : h.number;
			boolean plan = !h.title.contains("总结") && PLAN_TITLE.matcher(h.title).find();
			h.part = (plan || (h.parent != null && h.parent.part == Part.PLAN)) ? Part.PLAN : Part.SUMMARY;
		}
	}

	private String title(int from, int limit) {
		int end = from;
		while (end < limit && (this.text.isPageMarker(end) || TITLE_END.indexOf(this.text.at(end)) < 0)) {
			end++;
		}
		String title = this.text.cleanOriginal(from, end).strip();
		return (title.length() > RUN_ON) ? trimRunOn(title) : title;
	}

	/**
	 * A heading written without a full stop runs on into the body ({@code 医疗卫生服务持续优化,群众满意度大幅提升在2024年第一季度,…}).
	 * The title then ends where a word that opens body sentences appears (在, 县卫健局, 下一季度…), else at the
	 * second comma, else after {@value #LONG_TITLE} characters.
	 */
	static String trimRunOn(String title) {
		Matcher body = BODY_OPENING.matcher(Text.fold(title));
		if (body.find(MIN_TITLE) && body.start() <= LONG_TITLE) {
			return title.substring(0, body.start());
		}
		int comma = indexOfComma(title, 0);
		int second = (comma >= 0) ? indexOfComma(title, comma + 1) : -1;
		if (second > 0 && second <= LONG_TITLE) {
			return title.substring(0, second);
		}
		return title.substring(0, Math.min(LONG_TITLE, title.length()));
	}

	private static int indexOfComma(String s, int from) {
		for (int i = from; i < s.length(); i++) {
			char c = s.charAt(i);
			if (c == ',' || c == '，') {
				return i;
			}
		}
		return -1;
	}

	/** 一 → 1, 十二 → 12, 二十 → 20; 0 if not a numeral this parser knows. */
	static int chineseNumber(String s) {
		int value = 0;
		int digit = -1;
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			int d = "〇一二三四五六七八九".indexOf(c);
			if (c == '零') {
				d = 0;
			}
			else if (c == '两') {
				d = 2;
			}
			if (d >= 0) {
				digit = d;
			}
			else if (c == '十') {
				value += ((digit < 0) ? 1 : digit) * 10;
				digit = -1;
			}
			else if (c == '百') {
				value += ((digit < 0) ? 1 : digit) * 100;
				digit = -1;
			}
			else {
				return 0;
			}
		}
		return value + Math.max(digit, 0);
	}

	static String cnNumeral(int n) {
		String digits = "〇一二三四五六七八九";
		if (n < 10) {
			return String.valueOf(digits.charAt(n));
		}
		String tens = (n / 10 == 1) ? "十" : digits.charAt(n / 10) + "十";
		return (n % 10 == 0) ? tens : tens + digits.charAt(n % 10);
	}

}
