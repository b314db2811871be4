package io.healthstats.report.web;

import io.healthstats.report.document.ReportContent;
import io.healthstats.report.document.ReportKind;
import io.healthstats.report.document.ReportText;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Request bodies. None of them can set a report's id, status, version or (once created) region. */
final class ReportRequests {

	static final String KINDS = "ANNUAL_SUMMARY|QUARTERLY_SUMMARY|MONTHLY_REPORT|WORK_PLAN|SPECIAL_REPORT";

	static final String KIND_MESSAGE = "'${validatedValue}' is not a report kind: use one of " + ReportKind.NAMES;

	static final String REGION_MESSAGE = "'${validatedValue}' is not a region code: use a six-digit GB/T 2260 code such as 341523";

	private ReportRequests() {
	}

	@Schema(description = "A new report given as text")
	record CreateReport(
			@Schema(example = "舒城县卫健委2024年第一季度工作总结") @NotBlank @Size(max = 200) String title,
			@Schema(example = "341523", description = "GB/T 2260 code of the region the report is about") @NotBlank @Pattern(
					regexp = "\\d{6}", message = REGION_MESSAGE) String region,
			@Schema(example = "2024Q1", description = "2024, 2024Q1 … 2024Q4 or 202401 … 202412") @NotBlank @PeriodId String period,
			@Schema(example = "QUARTERLY_SUMMARY", allowableValues = { "ANNUAL_SUMMARY", "QUARTERLY_SUMMARY",
					"MONTHLY_REPORT", "WORK_PLAN", "SPECIAL_REPORT" }) @NotBlank @Pattern(regexp = KINDS,
							message = KIND_MESSAGE) String kind,
			@Schema(example = "一、2024年第一季度工作总结\n(一)医疗服务持续优化。全县基层医疗机构共接诊患者12.6万人次。")
			@NotBlank @Size(max = ReportText.MAX_LENGTH) String text) {

		ReportContent content() {
			return new ReportContent(this.title, this.period, ReportKind.valueOf(this.kind), this.text);
		}

	}

	@Schema(description = "The form fields sent with an uploaded file")
	record UploadReport(@NotBlank @Size(max = 200) String title,
			@NotBlank @Pattern(regexp = "\\d{6}", message = REGION_MESSAGE) String region,
			@NotBlank @PeriodId String period, @NotBlank @Pattern(regexp = KINDS, message = KIND_MESSAGE) String kind) {

		ReportContent content(String text) {
			return new ReportContent(this.title, this.period, ReportKind.valueOf(this.kind), text);
		}

	}

	@Schema(description = "The new content of a report; the region, status and version are not the client's to set")
	record UpdateReport(@Schema(example = "舒城县卫健委2024年第一季度工作总结(修订)") @NotBlank @Size(max = 200) String title,
			@Schema(example = "2024Q1") @NotBlank @PeriodId String period,
			@Schema(example = "QUARTERLY_SUMMARY") @NotBlank @Pattern(regexp = KINDS, message = KIND_MESSAGE) String kind,
			@Schema(example = "一、2024年第一季度工作总结\n(一)医疗服务持续优化。全县基层医疗机构共接诊患者12.6万人次,患者满意度达到96.2%。")
			@NotBlank @Size(max = ReportText.MAX_LENGTH) String text) {

		ReportContent content() {
			return new ReportContent(this.title, this.period, ReportKind.valueOf(this.kind), this.text);
		}

	}

	@Schema(description = "The form fields sent with a revised file; the region, status and version are not the client's to set")
	record ReviseUpload(@NotBlank @Size(max = 200) String title, @NotBlank @PeriodId String period,
			@NotBlank @Pattern(regexp = KINDS, message = KIND_MESSAGE) String kind) {

		ReportContent content(String text) {
			return new ReportContent(this.title, this.period, ReportKind.valueOf(this.kind), text);
		}

	}

	@Schema(description = "A workflow step's comment; required to return a report")
	record StepComment(@Schema(example = "请补全第一季度门诊诊疗人次和患者满意度数据后重新提交。") @Size(max = 2000) String comment) {
	}

}
