package io.healthstats.indicator.observation;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import io.healthstats.indicator.catalogue.Catalogue;
import io.healthstats.indicator.period.InvalidPeriodException;
import io.healthstats.indicator.period.Period;
import io.healthstats.indicator.region.Regions;
import io.healthstats.indicator.region.UnknownRegionException;
import io.healthstats.indicator.rollup.Cell;
import io.healthstats.indicator.rollup.Revision;
import io.healthstats.indicator.rollup.Source;
import io.healthstats.web.Caller;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

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

	static final String NEXT_CURSOR = "X-Next-Cursor";

	private final RowParser parser;
	private final ObservationWriter writer;
	private final ObservationPages pages;
	private final ObservationCsv csv;
	private final Catalogue catalogue;
	private final Regions regions;

	ObservationController(RowParser parser, ObservationWriter writer, ObservationPages pages, ObservationCsv csv,
			Catalogue catalogue, Regions regions) {
		this.parser = parser;
		this.writer = writer;
		this.pages = pages;
		this.csv = csv;
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
	@Operation(summary = "Raw observations (latest revision; history=true adds every revision with source and time), "
			+ "in key order INDICATOR|REGION|PERIOD, a page at a time — or, with Accept: text/csv, the whole selection as one streamed CSV",
			description = "At most `limit` rows; when more follow, the `X-Next-Cursor` header holds the key to pass as "
					+ "`after` for the next page. `from`/`to` select the periods of any granularity that lie wholly "
					+ "within the range (2024..2025: two years, eight quarters, 24 months). `subtree=true` reads the "
					+ "region and every region below it.\n\n"
					+ "With `Accept: text/csv` the same selection comes as **one streamed CSV** instead of pages: the header "
					+ "`indicator,region,period,value,numerator,denominator` (the one `POST` accepts), then every row after "
					+ "`after` in key order, the numbers exactly as stored; `limit` and `history` do not apply. A stream the "
					+ "service could not finish ends with a line starting `#interrupted`; continue with `after` = the last "
					+ "row's key (`indicator|region|period`).")
	@ApiResponse(responseCode = "200", description = "A page of rows (`X-Next-Cursor` when more follow), or with Accept: text/csv every row",
			headers = @Header(name = NEXT_CURSOR, description = "Pass as `after` to read the next page"),
			content = { @Content(mediaType = "application/json", array = @ArraySchema(schema = @Schema(implementation = ObservationView.class))),
					@Content(mediaType = ObservationCsv.MEDIA_TYPE,
					examples = @ExampleObject(value = ObservationCsv.HEADER + "\r\nOUTPATIENT_VISITS,341523,202401,98120,,\r\n"
							+ "HEALTH_CHECK_COMPLETION_RATE,341523,2023,66.45848734354687,26071,39229\r\n")) })
	@ApiResponse(responseCode = "400", description = "Invalid period, range or limit", content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "404", description = "Unknown indicator, or a region unknown or outside the caller's",
			content = @Content(mediaType = "application/problem+json"))
	ResponseEntity<List<ObservationView>> read(
			@Parameter(description = "Repeatable", example = "OUTPATIENT_VISITS") @RequestParam(required = false) List<String> indicator,
			@Parameter(example = "341523") @RequestParam(required = false) String region,
			@Parameter(description = "With region: also every region below it") @RequestParam(defaultValue = "false") boolean subtree,
			@Parameter(example = "202401") @RequestParam(required = false) String period,
			@Parameter(example = "2024") @RequestParam(required = false) String from,
			@Parameter(example = "2025") @RequestParam(required = false) String to,
			@Min(1) @Max(ObservationPages.MAX_LIMIT) @RequestParam(defaultValue = "" + ObservationPages.DEFAULT_LIMIT) int limit,
			@Parameter(description = "The X-Next-Cursor of the previous page; for the CSV stream the key of the last row received") @RequestParam(required = false) String after,
			@RequestParam(defaultValue = "false") boolean history, Caller caller) {
		ObservationPages.Page page = this.pages.page(selection(indicator, region, subtree, period, from, to, caller), after,
				limit, history);
		ResponseEntity.BodyBuilder answer = ResponseEntity.ok();
		if (page.next() != null) {
			answer.header(NEXT_CURSOR, page.next());
		}
		return answer.body(page.cells().stream().map(cell -> view(cell, history)).toList());
	}

	/**
	 * The selection of {@link #read} as one streamed CSV (documented there: one operation, two
	 * representations). The same checks run before the first byte, so a region outside the caller's
	 * subtree is the same 404.
	 */
	@GetMapping(produces = ObservationCsv.MEDIA_TYPE)
	@Hidden
	void readCsv(@RequestParam(required = false) List<String> indicator, @RequestParam(required = false) String region,
			@RequestParam(defaultValue = "false") boolean subtree, @RequestParam(required = false) String period,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String after, Caller caller, HttpServletResponse response) throws IOException {
		this.csv.write(selection(indicator, region, subtree, period, from, to, caller), after, response);
	}

	/** What to read, checked: known indicators, a region the caller covers, a valid period range. */
	private ObservationPages.Query selection(List<String> indicator, String region, boolean subtree, String period,
			String from, String to, Caller caller) {
		List<String> indicators = indicator == null ? List.of() : indicator;
		indicators.forEach(this.catalogue::get);
		if (region != null && (this.regions.find(region).isEmpty() || !caller.covers(region))) {
			throw new UnknownRegionException(region);
		}
		return new ObservationPages.Query(indicators, subtree ? null : region, region != null ? region : caller.region(),
				periods(period, from, to));
	}

	private static List<String> periods(String period, String from, String to) {
		if (period != null && (from != null || to != null)) {
			throw new InvalidPeriodException("period", period, "Use either period or from and to.");
		}
		if (period != null) {
			return List.of(Period.parse(period).id());
		}
		if (from == null && to == null) {
			return null;
		}
		if (from == null || to == null) {
			throw new InvalidPeriodException(from == null ? "from" : "to", "", "Give from and to together, e.g. from=2024&to=2025.");
		}
		return PeriodsWithin.of(from, to);
	}

	private ResponseEntity<BatchResult> write(List<RawRow> rows, Caller caller) {
		if (!caller.canWrite()) {
			throw new AccessDeniedException("This client may only read.");
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
