package io.healthstats.report.analysis;

import java.math.BigDecimal;
import java.util.Set;
import java.util.regex.Pattern;

/** Tells what a number means from its unit, its value and the words right before it. */
final class FigureKinds {

	private static final Set<String> COUNT_UNITS = Set.of("人次", "剂次", "针次", "例次", "户次", "批次", "场次", "车次",
			"人", "剂", "针", "个", "所", "家", "张", "名", "例", "起", "件", "份", "批", "条", "台", "床", "户", "次", "项",
			"场", "辆", "支", "只", "篇", "期", "页", "位", "组", "套", "类", "种", "处", "座", "间", "本", "册", "箱", "吨",
			"米", "亩", "平方米", "立方米", "公里", "公顷", "公斤", "千克");

	/**
	 * A verb of change directly before the number, within its clause: 同比增长7.2%, 下降XX%, 增加了120人. A verb
	 * followed by 到/至 states the level reached (提高到95%), so it does not match.
	 */
	private static final Pattern CHANGE_BEFORE = Pattern.compile(
			"(?:增长|增加|上升|提高|提升|下降|减少|降低|回落|下滑|增幅|降幅|增速|同比|环比|净增)"
					+ "(?:了|为|达到|达|约|近|超过|幅度为|幅度达|幅度|\\s)*$");

	private static final int CHANGE_LOOKBACK = 12;

	private static final BigDecimal FIRST_YEAR = BigDecimal.valueOf(1900);

	private static final BigDecimal LAST_YEAR = BigDecimal.valueOf(2100);

	private FigureKinds() {
	}

	static FigureKind classify(FigureScanner.Token token, Text text, Part part) {
		FigureKind kind = meaning(token, text);
		return (part == Part.PLAN && kind.isValue()) ? FigureKind.TARGET : kind;
	}

	private static FigureKind meaning(FigureScanner.Token token, Text text) {
		if (token.ordinal()) {
			return FigureKind.ORDINAL;
		}
		String unit = token.unit();
		BigDecimal value = token.value();
		switch (unit) {
			case "年", "年度" -> {
				return (isYear(token, text) ? FigureKind.YEAR : FigureKind.OTHER);
			}
			case "月" -> {
				return within(value, 1, 12) ? FigureKind.DATE : FigureKind.OTHER;
			}
			case "日" -> {
				return within(value, 1, 31) ? FigureKind.DATE : FigureKind.OTHER;
			}
			case "时" -> {
				return within(value, 0, 24) ? FigureKind.DATE : FigureKind.OTHER;
			}
			case "岁", "周岁" -> {
				return FigureKind.AGE;
			}
			case "百分点" -> {
				return FigureKind.CHANGE;
			}
			case "" -> {
				if (token.multiplier() == null && isYear(token, text)
						&& text.folded.startsWith("统计年", token.end())) {
					return FigureKind.YEAR;
				}
			}
			default -> {
			}
		}
		if (isChange(token, text)) {
			return FigureKind.CHANGE;
		}
		return switch (unit) {
			case "%" -> FigureKind.PERCENT;
			case "‰" -> FigureKind.PERMILLE;
			case "元" -> FigureKind.AMOUNT;
			case "" -> (token.multiplier() != null) ? FigureKind.COUNT : FigureKind.OTHER;
			default -> COUNT_UNITS.contains(unit) ? FigureKind.COUNT : FigureKind.OTHER;
		};
	}

	private static boolean isYear(FigureScanner.Token token, Text text) {
		if (token.placeholder()) {
			// 20XX年
			return Character.isDigit(text.at(token.start()));
		}
		BigDecimal v = token.value();
		return v.scale() <= 0 && v.compareTo(FIRST_YEAR) >= 0 && v.compareTo(LAST_YEAR) <= 0;
	}

	private static boolean within(BigDecimal value, int min, int max) {
		return value == null || (value.scale() <= 0 && value.intValue() >= min && value.intValue() <= max);
	}

	private static boolean isChange(FigureScanner.Token token, Text text) {
		int from = Math.max(text.clauseStart(token.start()), token.start() - CHANGE_LOOKBACK);
		return CHANGE_BEFORE.matcher(text.folded.substring(from, token.start())).find();
	}

}
