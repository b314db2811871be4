package io.healthstats.report.web;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.healthstats.report.InvalidInputException;
import io.healthstats.report.InvalidInputException.FieldProblem;
import io.healthstats.report.analysis.Analysis;
import io.healthstats.report.document.PeriodId;
import io.healthstats.report.document.ReportDocument;
import io.healthstats.report.document.ReportKind;
import io.healthstats.report.document.ReportReader;
import io.healthstats.report.document.ReportStatus;
import io.healthstats.report.document.UploadedDocument;
import io.healthstats.report.figure.ReportAnalyses;
import io.healthstats.report.region.Caller;
import io.healthstats.report.web.ReportRequests.CreateReport;
import io.healthstats.report.web.ReportRequests.ReviseUpload;
import io.healthstats.report.web.ReportRequests.StepComment;
import io.healthstats.report.web.ReportRequests.UpdateReport;
import io.healthstats.report.web.ReportRequests.UploadReport;
import io.healthstats.report.web.ReportViews.FigureView;
import io.healthstats.report.web.ReportViews.HistoryView;
import io.healthstats.report.web.ReportViews.ObservationsView;
import io.healthstats.report.web.ReportViews.ReportSummary;
import io.healthstats.report.web.ReportViews.ReportView;
import io.healthstats.report.web.ReportViews.SectionView;
import io.healthstats.report.web.ReportViews.VersionView;
import io.healthstats.report.web.ReportViews.WarningView;
import io.healthstats.report.workflow.ReportWorkflow;
import io.healthstats.report.workflow.Transition;
import io.healthstats.web.RegionScope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springdoc.core.annotations.ParameterObject;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.web.PagedModel;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Report documents and their approval workflow. Every endpoint sees only the caller's region
 * subtree: another region's report answers 404, like a missing one.
 */
@RestController
@RequestMapping("/api/v1/reports")
@Tag(name = "Reports", description = "县区卫健委工作总结等报告: 上传、章节、数字提取、审批流程")
@SecurityRequirement(name = "bearer")
class ReportController {

	private static final String PROBLEM = MediaType.APPLICATION_PROBLEM_JSON_VALUE;

	private static final int MAX_PAGE_SIZE = 100;

	private final ReportWorkflow workflow;
	private final ReportReader reader;
	private final ReportAnalyses analyses;

	ReportController(ReportWorkflow workflow, ReportReader reader, ReportAnalyses analyses) {
		this.workflow = workflow;
		this.reader = reader;
		this.analyses = analyses;
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Create a report from text", description = "Stores a DRAFT report of a region in the caller's subtree and analyses its sections and figures.")
	@ApiResponse(responseCode = "201", description = "Created; Location names the report, ETag its version")
	@ApiResponse(responseCode = "400", description = "A field is missing or invalid, or the region does not exist",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class),
					examples = @ExampleObject(value = Examples.VALIDATION)))
	@ApiResponse(responseCode = "403", description = "The region lies outside the caller's region, or the token lacks the write scope",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class),
					examples = @ExampleObject(value = Examples.FORBIDDEN_REGION)))
	@ApiResponse(responseCode = "503", description = "The region directory (indicator-service) cannot be reached",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
	ResponseEntity<ReportView> create(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody CreateReport body) {
		return created(this.workflow.create(Caller.of(jwt), body.region(), body.content()));
	}

	@PostMapping(consumes = MediaType.TEXT_PLAIN_VALUE)
	@Operation(summary = "Create a report from a plain-text body",
			description = "The body is the report's text (UTF-8, or GB18030/GBK: detected); title, region, period and kind are query parameters.")
	@ApiResponse(responseCode = "201", description = "Created; Location names the report, ETag its version")
	@ApiResponse(responseCode = "400", description = "A parameter is invalid, or the text is undecodable or empty",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "403", description = "The region lies outside the caller's region",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
	ResponseEntity<ReportView> createFromText(@AuthenticationPrincipal Jwt jwt,
			@ParameterObject @Valid @ModelAttribute UploadReport form,
			@RequestHeader(HttpHeaders.CONTENT_TYPE) String contentType, @RequestBody byte[] body) {
		String text = UploadedDocument.text(null, contentType, body);
		return created(this.workflow.create(Caller.of(jwt), form.region(), form.content(text)));
	}

	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Create a report from a .docx or .txt file",
			description = "The file part `file` is a Word .docx, or plain text in UTF-8 or GB18030/GBK (detected). At most 10 MiB.")
	@ApiResponse(responseCode = "201", description = "Created; Location names the report, ETag its version")
	@ApiResponse(responseCode = "400", description = "A form field is invalid, the file is damaged, undecodable or contains no text",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class),
					examples = @ExampleObject(value = Examples.UNREADABLE)))
	@ApiResponse(responseCode = "403", description = "The region lies outside the caller's region",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "413", description = "The file is larger than 10 MiB",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "415", description = "The file is neither .docx nor .txt (e.g. .doc, .pdf)",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
	ResponseEntity<ReportView> upload(@AuthenticationPrincipal Jwt jwt, @Valid @ModelAttribute UploadReport form,
			@RequestPart("file") MultipartFile file) throws IOException {
		String text = UploadedDocument.text(file.getOriginalFilename(), file.getContentType(), file.getBytes());
		return created(this.workflow.create(Caller.of(jwt), form.region(), form.content(text)));
	}

	@GetMapping
	@Operation(summary = "List reports", description = "Newest change first. `region` covers its whole subtree and defaults to the caller's region.")
	@ApiResponse(responseCode = "200", description = "One page of reports, without their text")
	@ApiResponse(responseCode = "400", description = "A parameter is invalid",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class),
					examples = @ExampleObject(value = Examples.BAD_PERIOD)))
	@ApiResponse(responseCode = "403", description = "The region lies outside the caller's region",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
	PagedModel<ReportSummary> list(@AuthenticationPrincipal Jwt jwt,
			@Parameter(example = "341500") @RequestParam(required = false) String region,
			@Parameter(example = "2024Q1") @RequestParam(required = false) String period,
			@Parameter(example = "SUBMITTED") @RequestParam(required = false) String status,
			@Parameter(example = "QUARTERLY_SUMMARY") @RequestParam(required = false) String kind,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		List<FieldProblem> problems = new ArrayList<>();
		if (region != null && !RegionScope.isCode(region)) {
			problems.add(new FieldProblem("region", "'" + region + "' is not a region code: use a six-digit GB/T 2260 code such as 341523"));
		}
		if (period != null && !PeriodId.isValid(period)) {
			problems.add(new FieldProblem("period", "'" + period + "' is not a period id: " + PeriodId.FORMATS));
		}
		ReportStatus statusFilter = parse(ReportStatus.class, "status", status, problems);
		ReportKind kindFilter = parse(ReportKind.class, "kind", kind, problems);
		if (page < 0) {
			problems.add(new FieldProblem("page", "page counts from 0"));
		}
		if (size < 1 || size > MAX_PAGE_SIZE) {
			problems.add(new FieldProblem("size", "size must be between 1 and " + MAX_PAGE_SIZE));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return new PagedModel<>(this.reader
			.list(Caller.of(jwt), region, period, statusFilter, kindFilter, PageRequest.of(page, size))
			.map(ReportSummary::of));
	}

	@GetMapping("/{id}")
	@Operation(summary = "Read a report", description = "With its text, sections and history; the ETag is its version, to send back as If-Match when editing.")
	@ApiResponse(responseCode = "200", description = "The report")
	@ApiResponse(responseCode = "404", description = "No such report in the caller's region",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class),
					examples = @ExampleObject(value = Examples.NOT_FOUND)))
	ResponseEntity<ReportView> get(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
		ReportDocument report = this.reader.get(Caller.of(jwt), id);
		return ResponseEntity.ok().eTag(etag(report)).body(view(report, null));
	}

	@PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Edit a report", description = "Saves a new version (earlier ones stay readable). Requires If-Match with the ETag of the version edited. Only DRAFT and RETURNED reports can be edited.")
	@ApiResponse(responseCode = "200", description = "The new version; ETag is its number")
	@ApiResponse(responseCode = "400", description = "A field is missing or invalid",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "404", description = "No such report in the caller's region",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "409", description = "The report is submitted, approved or published and cannot be edited",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class),
					examples = @ExampleObject(value = Examples.LOCKED)))
	@ApiResponse(responseCode = "412", description = "If-Match names an older version",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class),
					examples = @ExampleObject(value = Examples.STALE)))
	@ApiResponse(responseCode = "428", description = "If-Match is missing",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
	ResponseEntity<ReportView> update(@AuthenticationPrincipal Jwt jwt, @PathVariable String id,
			@Parameter(example = "\"1\"") @RequestHeader(name = "If-Match", required = false) String ifMatch,
			@Valid @RequestBody UpdateReport body) {
		Integer version = IfMatch.version(ifMatch, id);
		ReportDocument report = this.workflow.edit(Caller.of(jwt), id, version, body.content());
		return ResponseEntity.ok().eTag(etag(report)).body(view(report, null));
	}

	@PutMapping(path = "/{id}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Edit a report by uploading a revised file",
			description = "Like the JSON edit, with the text taken from a .docx or .txt `file` part (at most 10 MiB) and title, period and kind as form fields.")
	@ApiResponse(responseCode = "200", description = "The new version; ETag is its number")
	@ApiResponse(responseCode = "400", description = "A form field is invalid, or the file is damaged, undecodable or empty",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "404", description = "No such report in the caller's region",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "409", description = "The report cannot be edited in its status",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "412", description = "If-Match names an older version",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "415", description = "The file is neither .docx nor .txt",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "428", description = "If-Match is missing",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
	ResponseEntity<ReportView> revise(@AuthenticationPrincipal Jwt jwt, @PathVariable String id,
			@Parameter(example = "\"1\"") @RequestHeader(name = "If-Match", required = false) String ifMatch,
			@Valid @ModelAttribute ReviseUpload form, @RequestPart("file") MultipartFile file) throws IOException {
		Integer version = IfMatch.version(ifMatch, id);
		String text = UploadedDocument.text(file.getOriginalFilename(), file.getContentType(), file.getBytes());
		ReportDocument report = this.workflow.edit(Caller.of(jwt), id, version, form.content(text));
		return ResponseEntity.ok().eTag(etag(report)).body(view(report, null));
	}

	@GetMapping("/{id}/versions")
	@Operation(summary = "List a report's versions", description = "Newest first, without their text.")
	@ApiResponse(responseCode = "404", description = "No such report in the caller's region",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
	List<VersionView> versions(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
		return this.reader.versions(Caller.of(jwt), id).stream().map(VersionView::of).toList();
	}

	@GetMapping("/{id}/versions/{version}")
	@Operation(summary = "Read an earlier version of a report")
	@ApiResponse(responseCode = "404", description = "No such report or version",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
	VersionView version(@AuthenticationPrincipal Jwt jwt, @PathVariable String id, @PathVariable int version) {
		return VersionView.of(this.reader.version(Caller.of(jwt), id, version));
	}

	@GetMapping("/{id}/sections")
	@Operation(summary = "A report's section tree", description = "一、 (一) 1. (1) numbering; each section says whether it belongs to the summary (工作总结) or the plan (工作打算/计划) part.")
	@ApiResponse(responseCode = "404", description = "No such report in the caller's region",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
	List<SectionView> sections(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
		return SectionView.of(analysis(this.reader.get(Caller.of(jwt), id)).sections());
	}

	@GetMapping("/{id}/figures")
	@Operation(summary = "Every number in a report's text", description = "Normalized value and unit (39.5万人 → 395000 人), kind, mapped catalogue indicator, placeholders (XX) marked.")
	@ApiResponse(responseCode = "404", description = "No such report in the caller's region",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
	List<FigureView> figures(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
		return FigureView.of(analysis(this.reader.get(Caller.of(jwt), id)).figures());
	}

	@GetMapping("/{id}/history")
	@Operation(summary = "Every change of a report", description = "Creation, edits and workflow steps with actor, time and comment.")
	@ApiResponse(responseCode = "404", description = "No such report in the caller's region",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
	List<HistoryView> history(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
		return HistoryView.of(this.reader.get(Caller.of(jwt), id).history());
	}

	@GetMapping("/{id}/observations")
	@Operation(summary = "Figures compared with observations",
			description = "What approval sent to the indicator-service (transferred=true) or would send (a preview before approval), and every other figure with the reason it is not sent.")
	@ApiResponse(responseCode = "404", description = "No such report in the caller's region",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
	ObservationsView observations(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
		return ObservationsView.of(this.workflow.observations(Caller.of(jwt), id));
	}

	@PostMapping("/{id}/submit")
	@Operation(summary = "Submit a report for approval",
			description = "By a client of the report's own region, from DRAFT or RETURNED. `warnings` lists placeholders still unfilled.")
	@ApiResponse(responseCode = "200", description = "SUBMITTED")
	@ApiResponse(responseCode = "403", description = "Not the report's own region",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "404", description = "No such report in the caller's region",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "409", description = "The report is not DRAFT or RETURNED",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class),
					examples = @ExampleObject(value = Examples.WRONG_STATE)))
	ResponseEntity<ReportView> submit(@AuthenticationPrincipal Jwt jwt, @PathVariable String id,
			@Valid @RequestBody(required = false) StepComment body) {
		Transition transition = this.workflow.submit(Caller.of(jwt), id, comment(body));
		return stepped(transition, WarningView.placeholders(transition.placeholders()));
	}

	@PostMapping("/{id}/approve")
	@Operation(summary = "Approve a submitted report",
			description = "By a client of a region above the report's. Locks the report and sends its transferable figures to the indicator-service as observations.")
	@ApiResponse(responseCode = "200", description = "APPROVED")
	@ApiResponse(responseCode = "403", description = "The caller's own region: nobody approves their own report",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class),
					examples = @ExampleObject(value = Examples.OWN_REGION)))
	@ApiResponse(responseCode = "404", description = "No such report in the caller's region",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "409", description = "The report is not SUBMITTED",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
	ResponseEntity<ReportView> approve(@AuthenticationPrincipal Jwt jwt, @PathVariable String id,
			@Valid @RequestBody(required = false) StepComment body) {
		return stepped(this.workflow.approve(Caller.of(jwt), id, comment(body)), List.of());
	}

	@PostMapping("/{id}/return")
	@Operation(summary = "Return a submitted report to its author", description = "By a client of a region above the report's; `comment` is required.")
	@ApiResponse(responseCode = "200", description = "RETURNED; the author can edit and submit again")
	@ApiResponse(responseCode = "400", description = "No comment",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "403", description = "The caller's own region",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "404", description = "No such report in the caller's region",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "409", description = "The report is not SUBMITTED",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
	ResponseEntity<ReportView> returnToAuthor(@AuthenticationPrincipal Jwt jwt, @PathVariable String id,
			@Valid @RequestBody(required = false) StepComment body) {
		return stepped(this.workflow.returnToAuthor(Caller.of(jwt), id, comment(body)), List.of());
	}

	@PostMapping("/{id}/publish")
	@Operation(summary = "Publish an approved report", description = "By a client of a region above the report's.")
	@ApiResponse(responseCode = "200", description = "PUBLISHED")
	@ApiResponse(responseCode = "403", description = "The caller's own region",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "404", description = "No such report in the caller's region",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "409", description = "The report is not APPROVED",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
	ResponseEntity<ReportView> publish(@AuthenticationPrincipal Jwt jwt, @PathVariable String id,
			@Valid @RequestBody(required = false) StepComment body) {
		return stepped(this.workflow.publish(Caller.of(jwt), id, comment(body)), List.of());
	}

	private ResponseEntity<ReportView> created(ReportDocument report) {
		return ResponseEntity.created(URI.create("/api/v1/reports/" + report.id()))
			.eTag(etag(report))
			.body(view(report, null));
	}

	private ResponseEntity<ReportView> stepped(Transition transition, List<WarningView> warnings) {
		return ResponseEntity.ok().eTag(etag(transition.report())).body(view(transition.report(), warnings));
	}

	private ReportView view(ReportDocument report, List<WarningView> warnings) {
		return ReportView.of(report, analysis(report), warnings);
	}

	private Analysis analysis(ReportDocument report) {
		return this.analyses.of(report.text());
	}

	private static String etag(ReportDocument report) {
		return "\"" + report.version() + "\"";
	}

	private static String comment(StepComment body) {
		return (body != null) ? body.comment() : null;
	}

	private static <E extends Enum<E>> E parse(Class<E> type, String field, String value, List<FieldProblem> problems) {
		if (value == null) {
			return null;
		}
		try {
			return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			List<String> names = Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
			problems.add(new FieldProblem(field, "'" + value + "' is not a " + field + ": use one of " + String.join(", ", names)));
			return null;
		}
	}

}
