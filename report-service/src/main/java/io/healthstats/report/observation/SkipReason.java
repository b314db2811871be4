package io.healthstats.report.observation;

/** Why a figure of a report does not become an observation. */
public enum SkipReason {

	PLACEHOLDER("the figure is still a placeholder without a value"),

	CHANGE("a change (同比, 环比, 增长, 下降, 百分点) is not the level of an indicator"),

	TARGET("a target or plan figure states what should be reached, not what was"),

	PLAN_PART("the figure stands in the work-plan part of the report"),

	CONTEXT("a year, date, age, ordinal or unitless number is context, not an indicator value"),

	NOT_MAPPED("no catalogue indicator is named beside the figure"),

	AMOUNT("money amounts are not catalogue indicator values"),

	RATE_WITHOUT_PARTS("a rate travels only with its numerator and denominator, and the text does not state both beside it"),

	RATE_DISAGREES("the rate does not agree with its numerator and denominator, so one of the three figures is wrong"),

	CONFLICTING_VALUES("the report states different values for the same indicator, so none of them is sent"),

	REPEATED("the same value for the same indicator is sent once, from its first mention");

	private final String description;

	SkipReason(String description) {
		this.description = description;
	}

	public String description() {
		return this.description;
	}

}
