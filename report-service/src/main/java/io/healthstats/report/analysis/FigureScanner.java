package io.healthstats.report.analysis;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds every number of a text with its multiplier and unit, before it is given a meaning. */
final class FigureScanner {

	/**
	 * Units as written after a number (longest first). The look-aheads keep words that merely start with a unit
	 * character out: {@code XX人民医院}, {@code 家庭}, {@code 条例}, {@code 时间}.
	 */
	private static final String UNITS = "个百分点|百分点|人次|剂次|针次|例次|户次|批次|场次|车次|周岁|个月|小时|分钟"
			+ "|平方米|立方米|公里|公顷|公斤|千克|年度|%|‰|岁|人(?![民工])|剂|针|个|所(?![有在])|家(?![庭属])|张|名(?![单称义])"
			+ "|例|起|件|份|批(?![准评])|条(?![例件])|元|台(?![账])|床|户|次(?![数日年])|项|场|辆|支|只|篇|期(?![间限])"
			+ "|天|年|月|日(?!常)|时(?![间期])|周|页|倍|位|组|套|类|种|处|座|间|本|册|箱|吨|米|亩";

	private static final String ORDINAL_UNITS = "剂次|剂|针|批次|批|季度|次|届|期|轮|年度|年|个月|月|名|个|号|阶段|周|天|章|条|款|类|位|家|所";

	private static final String CN_DIGITS = "[一二三四五六七八九十百两〇零]{1,4}";

	private static final Pattern NUMBER = Pattern.compile(
			"(?<ord>第(?<ordn>" + CN_DIGITS + "|\\d{1,4})(?<ordu>" + ORDINAL_UNITS + ")?)"
					+ "|(?<num>(?<![\\dA-Za-z.])(?<![A-Za-z]-)(?:\\d{1,3}(?:[,，]\\d{3})+(?!\\d)|\\d+)(?:\\.\\d+)?(?![\\dA-Za-z]))"
					+ "|(?<ph>(?<![A-Za-z\\d])(?:\\d{2}[Xx×]{2}|[Xx×]{1,4}(?:\\.[Xx×]{1,3})?)(?![A-Za-z]))");

	/** 多 and 余 ("some more than") may stand before or after the multiplier: 14多万人次, XX万余人次, XX余例. */
	private static final Pattern TAIL = Pattern.compile(
			"(?<a1>[多余])?(?<mult>万亿|千万|百万|亿|万|千)?(?<a2>[多余])?(?<unit>" + UNITS + ")?");

	private static final String RANGE = "-~—–至到";

	/**
	 * Digits before the point and after it, as the indicator-service accepts. A longer run (a serial, a pasted
	 * hash) is not a statistic, and parsing it costs time quadratic in its length: a million digits took 22 s
	 * of CPU.
	 */
	private static final int MAX_DIGITS = 20;

	/**
	 * A number as written, not yet classified.
	 * @param multiplier the factor of 万, 亿… written after the number, or {@code null}
	 */
	record Token(int start, int end, BigDecimal value, String unit, BigDecimal multiplier, boolean placeholder,
			boolean ordinal) {

		/** The same number read with the multiplier and unit written after the other one (a range's end). */
		Token withUnitOf(Token other) {
			BigDecimal v = (this.value != null && other.multiplier != null)
					? normalize(this.value.multiply(other.multiplier)) : this.value;
			return new Token(this.start, this.end, v, other.unit, other.multiplier, this.placeholder, false);
		}

	}

	private final Text text;

	FigureScanner(Text text) {
		this.text = text;
	}

	/** Every number outside the given heading numbers and page-break markers, in text order. */
	List<Token> scan(List<SectionParser.Heading> headings) {
		List<Token> tokens = new ArrayList<>();
		String s = this.text.folded;
		Matcher m = NUMBER.matcher(s).useTransparentBounds(true);
		Matcher tail = TAIL.matcher(s).useTransparentBounds(true).useAnchoringBounds(false);
		int heading = 0;
		int i = 0;
		while (i < s.length()) {
			// the pattern is only tried where a number can start: most of a report is words
			if (!canStartNumber(s.charAt(i))) {
				i++;
				continue;
			}
			m.region(i, s.length());
			if (!m.lookingAt()) {
				i++;
				continue;
			}
			i = m.end();
			while (heading < headings.size() && headings.get(heading).numberEnd <= m.start()) {
				heading++;
			}
			if (this.text.isPageMarker(m.start())
					|| (heading < headings.size() && headings.get(heading).start <= m.start())) {
				continue;
			}
			Token token = (m.group("ord") != null) ? ordinal(m) : quantity(m, tail);
			if (token != null) {
				tokens.add(token);
				i = Math.max(i, token.end());
			}
		}
		return shareRangeUnits(tokens);
	}

	private static boolean canStartNumber(char c) {
		return (c >= '0' && c <= '9') || c == '第' || c == 'X' || c == 'x' || c == '×';
	}

	private Token ordinal(Matcher m) {
		String n = m.group("ordn");
		String unit = m.group("ordu");
		boolean arabic = Character.isDigit(n.charAt(0));
		if (!arabic && unit == null) {
			// 第一时间, 第三方: idioms, not ordinals of anything
			return null;
		}
		int value = arabic ? Integer.parseInt(n) : SectionParser.chineseNumber(n);
		return new Token(m.start(), m.end(), BigDecimal.valueOf(value), (unit != null) ? unit : "", null, false,
				true);
	}

	private Token quantity(Matcher m, Matcher tail) {
		boolean placeholder = m.group("ph") != null;
		String digits = m.group();
		if (!placeholder && digits.indexOf('，') >= 0 && !fullWidthDigits(m.start(), m.end())) {
			// a full-width comma only groups thousands between full-width digits; otherwise it ends a clause
			return null;
		}
		tail.region(m.end(), this.text.length());
		tail.lookingAt();
		if (tail.group("mult") == null && tail.group("unit") == null && m.end() < this.text.length()
				&& this.text.at(m.end()) == ' ') {
			// keyword lists space the unit off: 2023 年度
			tail.region(m.end() + 1, this.text.length());
			tail.lookingAt();
			if (tail.group("mult") == null && tail.group("unit") == null) {
				tail.region(m.end(), this.text.length());
				tail.lookingAt();
			}
		}
		String mult = tail.group("mult");
		String unit = tail.group("unit");
		int end = m.end();
		if (mult != null || unit != null) {
			end = tail.end();
		}
		else if (tail.group("a1") != null) {
			end = m.end() + 1;
		}
		if (placeholder && mult == null && unit == null && digits.indexOf('.') < 0) {
			// XX alone is a name being withheld (XX县, 健康XX), not a number
			return null;
		}
		String plain = digits.replace(",", "").replace("，", "");
		if (!placeholder && tooLong(plain)) {
			return null;
		}
		String normalizedUnit = (unit == null) ? "" : unit.startsWith("个百分点") ? "百分点" : unit;
		BigDecimal multiplier = (mult != null) ? multiplier(mult) : null;
		BigDecimal value = null;
		if (!placeholder) {
			value = new BigDecimal(plain);
			value = normalize((multiplier != null) ? value.multiply(multiplier) : value);
		}
		return new Token(m.start(), end, value, normalizedUnit, multiplier, placeholder, false);
	}

	private static boolean tooLong(String number) {
		int point = number.indexOf('.');
		int before = (point < 0) ? number.length() : point;
		return before > MAX_DIGITS || (point >= 0 && number.length() - point - 1 > MAX_DIGITS);
	}

	private boolean fullWidthDigits(int start, int end) {
		for (int i = start; i < end; i++) {
			char c = this.text.original.charAt(i);
			if (c >= '0' && c <= '9') {
				return false;
			}
		}
		return true;
	}

	/** In {@code 45-64岁} and {@code 2023-2025年} the first number takes the unit written after the second. */
	private List<Token> shareRangeUnits(List<Token> tokens) {
		for (int i = tokens.size() - 2; i >= 0; i--) {
			Token first = tokens.get(i);
			Token second = tokens.get(i + 1);
			boolean bare = first.unit().isEmpty() && first.multiplier() == null && !first.ordinal();
			if (bare && !second.ordinal() && second.start() == first.end() + 1
					&& RANGE.indexOf(this.text.at(first.end())) >= 0) {
				tokens.set(i, first.withUnitOf(second));
			}
		}
		return tokens;
	}

	static BigDecimal multiplier(String mult) {
		return switch (mult) {
			case "千" -> BigDecimal.TEN.pow(3);
			case "万" -> BigDecimal.TEN.pow(4);
			case "百万" -> BigDecimal.TEN.pow(6);
			case "千万" -> BigDecimal.TEN.pow(7);
			case "亿" -> BigDecimal.TEN.pow(8);
			case "万亿" -> BigDecimal.TEN.pow(12);
			default -> throw new IllegalArgumentException(mult);
		};
	}

	/** Full precision, no trailing zeros, never in exponent form (395000, not 3.95E+5). */
	static BigDecimal normalize(BigDecimal value) {
		BigDecimal stripped = value.stripTrailingZeros();
		return (stripped.scale() < 0) ? stripped.setScale(0) : stripped;
	}

}
