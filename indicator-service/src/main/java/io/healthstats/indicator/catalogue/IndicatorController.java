package io.healthstats.indicator.catalogue;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/indicators")
@Tag(name = "Indicators", description = "指标目录 — the indicator catalogue")
class IndicatorController {

	private final Catalogue catalogue;

	IndicatorController(Catalogue catalogue) {
		this.catalogue = catalogue;
	}

	@GetMapping
	@Operation(summary = "List the catalogue")
	List<Indicator> all() {
		return this.catalogue.all();
	}

	@GetMapping("/{code}")
	@Operation(summary = "One indicator, e.g. OUTPATIENT_VISITS 门诊诊疗人次")
	Indicator one(@PathVariable String code) {
		return this.catalogue.get(code);
	}

}
