package io.healthstats.export.job;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import io.healthstats.export.ExportMetrics;
import io.healthstats.export.format.ExportFormat;
import io.healthstats.export.upstream.IndicatorInfo;
import io.healthstats.export.upstream.IndicatorService;
import io.healthstats.export.upstream.RegionInfo;
import io.healthstats.export.upstream.ReportService;
import io.healthstats.web.Caller;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Turns a request into a QUEUED job, or refuses it before anything is queued: a bad field is 400
 * naming the field, a region or report outside the caller's subtree is 404. Indicators, regions and
 * reports are checked against the services that own them.
 */
@Service
class ExportRequests {

	static final int MAX_INDICATORS = 50;

	static final int MAX_YEARS = 200;

	private static final Pattern INDICATOR = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");

	private static final Pattern REGION = Pattern.compile("\\d{6}");

	private static final Pattern REPORT_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

	private final IndicatorService indicators;

	private final ReportService reports;

	private final ExportJobs jobs;

	private final JobEvents events;

	private final ApplicationEventPublisher publisher;

	private final ExportMetrics metrics;

	private final int maxActivePerClient;

	ExportRequests(IndicatorService indicators, ReportService reports, ExportJobs jobs, JobEvents events,
			ApplicationEventPublisher publisher, ExportMetrics metrics, JobProperties properties) {
		this.metrics = metrics;
		this.maxActivePerClient = properties.maxActivePerClient();
		this.indicators = indicators;
		this.reports = reports;
		this.jobs = jobs;
		this.events = events;
		this.publisher = publisher;
	}

	ExportJob submit(ExportRequest request, Caller caller) {
		Errors errors = new Errors();
		Optional<ExportFormat> format = format(request, errors);
		ExportJob job = format.isPresent() && format.get().forReports() ? reportJob(request, format.get(), caller, errors)
				: observationJob(request, format.orElse(null), caller, errors);
		// counted, not reserved: two requests at the same instant may both pass, one over the limit at most each
		long active = this.jobs.active(caller.client());
		if (active >= this.maxActivePerClient) {
			throw new TooManyExportsException(caller.client(), active);
		}
		Instant now = Instant.now();
		this.jobs.insert(job, this.events.requested(job, 1, now));
		this.publisher.publishEvent(new JobChanged(job.id()));
		this.metrics.requested(job.format());
		return job;
	}

	private Optional<ExportFormat> format(ExportRequest request, Errors errors) {
		if (request.format() == null || request.format().isBlank()) {
			errors.add("format", "is required: csv, xlsx, json, sdmx-csv, dhis2-json or docx");
			return Optional.empty();
		}
		Optional<ExportFormat> format = ExportFormat.of(request.format().strip());
		if (format.isEmpty()) {
			errors.add("format", "'" + request.format() + "' is not a format; use csv, xlsx, json, sdmx-csv, dhis2-json or docx");
		}
		else if (!format.get().forReports() && request.report() != null) {
			errors.add("format", "a report is exported as docx");
		}
		return format;
	}

	private ExportJob observationJob(ExportRequest request, ExportFormat format, Caller caller, Errors errors) {
		List<String> codes = indicatorCodes(request, errors);
		String region = request.region();
		if (region == null || region.isBlank()) {
			errors.add("region", "is required: the region whose subtree is exported, e.g. 341500");
		}
		else if (!REGION.matcher(region).matches()) {
			errors.add("region", "'" + region + "' is not a 6-digit GB/T 2260 code");
		}
		PeriodId from = period("from", request.from(), errors);
		PeriodId to = period("to", request.to(), errors);
		if (from != null && to != null && to.endMonth() < from.startMonth()) {
			errors.add("to", "'" + request.to() + "' ends before from (" + request.from() + ") starts");
		}
		else if (from != null && to != null && to.year() - from.year() >= MAX_YEARS) {
			errors.add("to", "an export spans at most " + MAX_YEARS + " years");
		}
		errors.throwIfAny();
		if (!caller.covers(region)) {
			throw NotFoundException.region(region);
		}
		Map<String, IndicatorInfo> catalogue = this.indicators.catalogue();
		List<String> names = new ArrayList<>();
		for (int i = 0; i < codes.size(); i++) {
			IndicatorInfo indicator = catalogue.get(codes.get(i));
			if (indicator == null) {
				errors.add(indicatorField(request, i), "unknown indicator '" + codes.get(i) + "'");
			}
			else {
				names.add(indicator.nameZh());
			}
		}
		Optional<RegionInfo> found = this.indicators.region(region);
		if (found.isEmpty()) {
			errors.add("region", "unknown region '" + region + "'");
		}
		errors.throwIfAny();
		String regionName = found.get().name();
		return new ExportJob(UUID.randomUUID().toString(), format, JobStatus.QUEUED, caller.client(), caller.region(), region,
				codes, request.from(), request.to(), null,
				Filenames.observations(names, regionName, request.from(), request.to(), format.extension()),
				Filenames.observationsAscii(codes, region, request.from(), request.to(), format.extension()), 0, 0, 0, null,
				Instant.now(), null, null, null, 0, null, null, null);
	}

	private ExportJob reportJob(ExportRequest request, ExportFormat format, Caller caller, Errors errors) {
		String id = request.report();
		if (id == null || id.isBlank()) {
			errors.add("report", "is required with format docx: the id of the report to export");
		}
		else if (!REPORT_ID.matcher(id).matches()) {
			errors.add("report", "'" + id + "' is not a report id");
		}
		if (request.indicator() != null || request.indicators() != null || request.from() != null || request.to() != null) {
			errors.add("format", "docx exports a report; indicators and periods are exported as csv, xlsx, json, sdmx-csv or dhis2-json");
		}
		errors.throwIfAny();
		ReportService.Report report = this.reports.report(id)
			.filter(found -> caller.covers(found.region()))
			.orElseThrow(() -> NotFoundException.report(id));
		return new ExportJob(UUID.randomUUID().toString(), format, JobStatus.QUEUED, caller.client(), caller.region(),
				report.region(), List.of(), null, null, id, Filenames.report(report.title(), format.extension()),
				Filenames.reportAscii(id, format.extension()), 0, 0, 0, null, Instant.now(), null, null, null, 0, null, null,
				null);
	}

	private static List<String> indicatorCodes(ExportRequest request, Errors errors) {
		Set<String> codes = new LinkedHashSet<>();
		if (request.indicator() != null) {
			codes.add(request.indicator().strip());
		}
		if (request.indicators() != null) {
			request.indicators().forEach(code -> codes.add(code == null ? "" : code.strip()));
		}
		if (codes.isEmpty()) {
			errors.add("indicators", "name at least one indicator (indicator or indicators), e.g. OUTPATIENT_VISITS");
		}
		else if (codes.size() > MAX_INDICATORS) {
			errors.add("indicators", "at most " + MAX_INDICATORS + " indicators per export");
		}
		List<String> list = List.copyOf(codes);
		for (int i = 0; i < list.size(); i++) {
			if (!INDICATOR.matcher(list.get(i)).matches()) {
				errors.add(indicatorField(request, i), "'" + list.get(i) + "' is not an indicator code (UPPER_SNAKE_CASE)");
			}
		}
		return list;
	}

	/** {@code indicator} when the request named one that way, else {@code indicators[i]}. */
	private static String indicatorField(ExportRequest request, int index) {
		if (request.indicator() != null) {
			return index == 0 ? "indicator" : "indicators[" + (index - 1) + "]";
		}
		return "indicators[" + index + "]";
	}

	private static PeriodId period(String field, String id, Errors errors) {
		if (id == null || id.isBlank()) {
			errors.add(field, "is required: a period id such as 2024, 2024Q1 or 202401");
			return null;
		}
		PeriodId period = PeriodId.parse(id);
		if (period == null) {
			errors.add(field, "'" + id + "' is not a valid period. " + PeriodId.HINT);
		}
		return period;
	}

	private static final class Errors {

		private final List<Map<String, Object>> errors = new ArrayList<>();

		void add(String field, String message) {
			this.errors.add(Map.of("field", field, "message", message));
		}

		void throwIfAny() {
			if (!this.errors.isEmpty()) {
				throw new InvalidExportException(this.errors);
			}
		}

	}

}
