package io.healthstats.report.analysis;

/** Which half of a work report a section belongs to. */
public enum Part {

	/** 工作总结: what was done; its figures are facts. */
	SUMMARY,

	/** 工作打算 / 工作计划 / 下一步工作: what is planned; its figures are targets, never facts. */
	PLAN

}
