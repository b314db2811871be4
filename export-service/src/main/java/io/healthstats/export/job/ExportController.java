package io.healthstats.export.job;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;

import io.healthstats.export.files.ExportFiles;
import io.healthstats.web.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/exports")
@Tag(name = "Exports", description = "数据导出 — asynchronous exports of observations (CSV, XLSX, JSON, SDMX-CSV, DHIS2) and reports (DOCX)")
class ExportController {

	private final ExportRequests requests;

	private final ExportJobs jobs;

	private final ExportFiles files;

	private final JobProperties properties;

	ExportController(ExportRequests requests, ExportJobs jobs, ExportFiles files, JobProperties properties) {
		this.requests = requests;
		this.jobs = jobs;
		this.files = files;
		this.properties = properties;
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Request an export; it runs in the background",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = {
					@ExampleObject(name = "门诊诊疗人次 六安市 2024–2025 (xlsx)",
							value = "{\"format\":\"xlsx\",\"indicator\":\"OUTPATIENT_VISITS\",\"region\":\"341500\",\"from\":\"2024\",\"to\":\"2025\"}"),
					@ExampleObject(name = "several indicators (DHIS2)",
							value = "{\"format\":\"dhis2-json\",\"indicators\":[\"BIRTHS\",\"SECOND_CHILD_BIRTHS\"],\"region\":\"341523\",\"from\":\"202401\",\"to\":\"202412\"}"),
					@ExampleObject(name = "a report as Word", value = "{\"format\":\"docx\",\"report\":\"<report id>\"}") })))
	@ApiResponse(responseCode = "202", description = "Queued; `Location` is the job")
	@ApiResponse(responseCode = "400", description = "Unknown format, invalid period, unknown indicator or region (`errors` names the field)",
			content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "404", description = "A region or report outside the caller's region (or missing)",
			content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "503", description = "The indicator- or report-service could not be asked",
			content = @Content(mediaType = "application/problem+json"))
	ResponseEntity<JobView> request(@RequestBody ExportRequest request, Caller caller) {
		ExportJob job = this.requests.submit(request, caller);
		return ResponseEntity.accepted().location(URI.create("/api/v1/exports/" + job.id())).body(JobView.of(job));
	}

	@GetMapping
	@Operation(summary = "The newest exports of the caller's region and the regions below it")
	List<JobView> list(@Parameter(example = "DONE") @RequestParam(required = false) JobStatus status, Caller caller) {
		return this.jobs.list(caller.subtreePrefix(), status, this.properties.listLimit()).stream().map(JobView::of).toList();
	}

	@GetMapping("/{id}")
	@Operation(summary = "An export's status and progress")
	@ApiResponse(responseCode = "404", description = "No such export, or another region's", content = @Content(mediaType = "application/problem+json"))
	JobView one(@PathVariable String id, Caller caller) {
		return JobView.of(visible(id, caller));
	}

	@GetMapping("/{id}/file")
	@Operation(summary = "Download the file of a DONE export")
	@ApiResponse(responseCode = "200", description = "The file, with its content type and a Content-Disposition file name (UTF-8)")
	@ApiResponse(responseCode = "409", description = "Not DONE (yet)", content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "410", description = "The file expired and was deleted", content = @Content(mediaType = "application/problem+json"))
	void file(@PathVariable String id, Caller caller, HttpServletResponse response) throws IOException {
		ExportJob job = visible(id, caller);
		if (job.status() != JobStatus.DONE) {
			throw new FileNotAvailableException(job);
		}
		try (InputStream file = this.files.open(job.fileId()).orElseThrow(() -> new FileNotAvailableException(job.expired()))) {
			response.setStatus(HttpStatus.OK.value());
			response.setContentType(job.format().contentType());
			response.setContentLengthLong(job.size());
			response.setHeader(HttpHeaders.CONTENT_DISPOSITION, Filenames.contentDisposition(job.filename(), job.asciiFilename()));
			file.transferTo(response.getOutputStream());
		}
	}

	private ExportJob visible(String id, Caller caller) {
		return this.jobs.find(id).filter(job -> caller.covers(job.ownerRegion())).orElseThrow(() -> NotFoundException.export(id));
	}

}
