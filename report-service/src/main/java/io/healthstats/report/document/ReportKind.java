package io.healthstats.report.document;

/** What sort of document a report is. */
public enum ReportKind {

	/** 年度工作总结. */
	ANNUAL_SUMMARY,

	/** 季度工作总结. */
	QUARTERLY_SUMMARY,

	/** 月报. */
	MONTHLY_REPORT,

	/** 工作计划 / 工作要点. */
	WORK_PLAN,

	/** 专题报告. */
	SPECIAL_REPORT;

	/** The names as a client writes them, for error messages. */
	public static final String NAMES = "ANNUAL_SUMMARY, QUARTERLY_SUMMARY, MONTHLY_REPORT, WORK_PLAN, SPECIAL_REPORT";

}
