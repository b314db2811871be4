package io.healthstats.indicator.observation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import io.healthstats.indicator.catalogue.Catalogue;
import io.healthstats.indicator.period.Period;
import io.healthstats.indicator.region.Regions;
import io.healthstats.indicator.region.UnknownRegionException;
import io.healthstats.indicator.rollup.Cell;
import io.healthstats.indicator.rollup.CellStore;
import io.healthstats.indicator.rollup.Revision;
import io.healthstats.indicator.rollup.Source;
import io.healthstats.indicator.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/observations")
@Tag(name = "Observations", description = "指标数据报送 — write and read observations")
class ObservationController {

	static final int MAX_ROWS = 10_000;

	private final RowParser parser;
	private final ObservationWriter writer;
	private final CellStore cells;
	private final Catalogue catalogue;
	private final Regions regions;

	ObservationController(RowParser parser, ObservationWriter writer, CellStore cells, Catalogue catalogue, Regions regions) {
		this.parser = parser;
		this.writer = writer;
		this.cells = cells;
		this.catalogue = catalogue;
		this.regions = regions;
	}

	@PostMapping(consumes = "application/json")
	@Operation(summary = "Write a batch (JSON array); each row is accepted or rejected with its reasons",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(
					value = "[{\"indicator\":\"OUTPATIENT_VISITS\",\"region\":\"341523\",\"period\":\"202401\",\"value\":98120},"
							+ "{\"indicator\":\"HEALTH_CHECK_COMPLETION_RATE\",\"region\":\"341523\",\"period\":\"2023\",\"numerator\":26071,\"denominator\":39229}]"))))
	@ApiResponse(responseCode = "200", description = "Some or all rows stored; `rejected` lists the others")
	@ApiResponse(responseCode = "422", description = "No row could be stored", content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "400", description = "The body is not a JSON array", content = @Content(mediaType = "application/problem+json"))
	ResponseEntity<BatchResult> writeJson(@RequestBody String body, Caller caller) {
		return write(this.parser.json(body), caller);
	}

	@PostMapping(consumes = "application/x-ndjson")
	@Operation(summary = "Write a batch as NDJSON, one row object a line")
	ResponseEntity<BatchResult> writeNdjson(@RequestBody String body, Caller caller) {
		return write(this.parser.ndjson(body), caller);
	}

	@PostMapping(consumes = "text/csv")
	@Operation(summary = "Write a batch as CSV with the header indicator,region,period,value,numerator,denominator")
	ResponseEntity<BatchResult> writeCsv(@RequestBody String body, Caller caller) {
		return write(this.parser.csv(body), caller);
	}

	record ObservationView(String indicator, String region, String period, BigDecimal value, BigDecimal numerator,
			BigDecimal denominator, int revision, boolean flagged, Source source, Instant recordedAt,
			List<Revision> history) {
	}

	@GetMapping
	@Operation(summary = "Raw observations (latest revision; history=true adds every revision with source and time)")
	List<ObservationView> read(@Parameter(example = "OUTPATIENT_VISITS") @RequestParam(required = false) String indicator,
			@Parameter(example = "341523") @RequestParam(required = false) String region,
			@Parameter(example = "202401") @RequestParam(required = false) String period,
			@RequestParam(defaultValue = "false") boolean history, Caller caller) {
		if (indicator != null) {
			this.catalogue.get(indicator);
		}
		String periodId = period == null ? null : Period.parse(period).id();
		if (region != null && (this.regions.find(region).isEmpty() || !caller.covers(region))) {
			throw new UnknownRegionException(region);
		}
		return this.cells.reported(indicator, region, periodId)
			.stream()
			.filter(cell -> caller.covers(cell.region()))
			.sorted(Comparator.comparing(Cell::key))
			.map(cell -> view(cell, history))
			.toList();
	}

	private ResponseEntity<BatchResult> write(List<RawRow> rows, Caller caller) {
		if (!caller.canWrite()) {
			throw new AccessDeniedException("This client may only read.");
		}
		if (rows.size() > MAX_ROWS) {
			throw new UnreadableBodyException("A batch holds at most " + MAX_ROWS + " rows; this one has " + rows.size() + ".");
		}
		BatchResult result = this.writer.write(rows, caller.region(), Source.client(caller.client()));
		if (result.accepted() == 0 && !result.rejected().isEmpty()) {
			throw new RejectedBatchException(result);
		}
		return ResponseEntity.status(HttpStatus.OK).body(result);
	}

	private static ObservationView view(Cell cell, boolean history) {
		Revision r = cell.reportedRevision();
		return new ObservationView(cell.indicator(), cell.region(), cell.period(), r.value(), r.numerator(), r.denominator(),
				r.revision(), r.flagged(), r.source(), r.recordedAt(), history ? cell.revisions() : null);
	}

}
