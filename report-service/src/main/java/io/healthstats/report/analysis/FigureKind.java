package io.healthstats.report.analysis;

/**
 * What a number in a report means. Only {@link #COUNT}, {@link #PERCENT}, {@link #PERMILLE} and
 * {@link #AMOUNT} are statements of an indicator's value; the others are context.
 */
public enum FigureKind {

	/** A quantity of things or people: 461个, 1505人, 566240剂. */
	COUNT,

	/** A level in percent: 完成率66.46%. */
	PERCENT,

	/** A level in per mille: 死亡率5.2‰. */
	PERMILLE,

	/** Money: 5234万元. */
	AMOUNT,

	/** A change, not a level: 同比增长7.2%, 下降XX%, 提高3.1个百分点. */
	CHANGE,

	/** A value in the plan part of a report: what should be reached, not what was. */
	TARGET,

	/** 2023年. */
	YEAR,

	/** A month, a day or an hour: 12月10日24时. */
	DATE,

	/** 65岁及以上, 45-64岁. */
	AGE,

	/** 第一剂, 第二批, 第一季度. */
	ORDINAL,

	/** A number whose unit says nothing we can use (3个月, 2倍, a bare number). */
	OTHER;

	/** Whether a figure of this kind states the value of an indicator (and may become an observation). */
	public boolean isValue() {
		return this == COUNT || this == PERCENT || this == PERMILLE || this == AMOUNT;
	}

}
