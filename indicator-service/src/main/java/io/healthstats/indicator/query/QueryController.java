package io.healthstats.indicator.query;

import io.healthstats.indicator.period.Granularity;
import io.healthstats.indicator.period.Period;
import io.healthstats.web.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Statistics", description = "时间序列、分地区排名、报送完整性 — series, breakdowns, completeness")
class QueryController {

	private final Reads reads;

	QueryController(Reads reads) {
		this.reads = reads;
	}

	@GetMapping("/api/v1/indicators/{code}/series")
	@Operation(summary = "Time series of a region (its own data or the roll-up of its subtree) with 同比 (yoy) and 环比 (pop)",
			description = "Periods without data have value null. yoy/pop are percent changes for COUNT and STOCK, "
					+ "percentage points for RATE; null when the base is missing or zero.")
	Reads.Series series(@PathVariable String code,
			@Parameter(example = "341500") @RequestParam String region,
			@Parameter(example = "2024") @RequestParam String from,
			@Parameter(example = "2025") @RequestParam String to,
			@Parameter(example = "QUARTER") @RequestParam(required = false) String granularity, Caller caller) {
		Period start = Period.parse("from", from);
		Period end = Period.parse("to", to);
		Granularity g = granularity == null ? start.granularity() : Granularity.parse(granularity);
		if (start.compareTo(end) > 0) {
			throw new io.healthstats.indicator.period.InvalidPeriodException("to", to, "to must not be before from.");
		}
		return this.reads.series(caller, code, region, start, end, g);
	}

	@GetMapping("/api/v1/indicators/{code}/breakdown")
	@Operation(summary = "One value per child region, ranked by value (nulls last)")
	Reads.Breakdown breakdown(@PathVariable String code, @Parameter(example = "341500") @RequestParam String region,
			@Parameter(example = "2024") @RequestParam String period, Caller caller) {
		return this.reads.breakdown(caller, code, region, Period.parse(period));
	}

	@GetMapping("/api/v1/completeness")
	@Operation(summary = "Which child regions reported which catalogue indicators for a period, and the reporting rate")
	Reads.Completeness completeness(@Parameter(example = "341500") @RequestParam String region,
			@Parameter(example = "2024Q1") @RequestParam String period, Caller caller) {
		return this.reads.completeness(caller, region, Period.parse(period));
	}

}
