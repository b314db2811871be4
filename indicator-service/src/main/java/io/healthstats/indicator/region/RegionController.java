package io.healthstats.indicator.region;

import java.util.List;

import io.healthstats.web.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/regions")
@Tag(name = "Regions", description = "行政区划 (GB/T 2260) — the region tree")
class RegionController {

	private final Regions regions;

	RegionController(Regions regions) {
		this.regions = regions;
	}

	record RegionView(String code, String name, String nameEn, String level, Summary parent, List<Summary> children) {
	}

	record Summary(String code, String name) {
	}

	record NewRegion(@NotBlank @Pattern(regexp = "\\d{6}", message = "must be a 6-digit GB/T 2260 code") String code,
			@NotBlank String name, String nameEn, @Pattern(regexp = "\\d{6}", message = "must be a 6-digit GB/T 2260 code") String parent) {
	}

	@GetMapping("/{code}")
	@Operation(summary = "A region with its parent and children, e.g. 341500 六安市")
	RegionView one(@PathVariable String code) {
		return view(this.regions.find(code).orElseThrow(() -> new UnknownRegionException(code)));
	}

	@GetMapping
	@Operation(summary = "The children of a region (the top-level regions without parent)")
	List<RegionView> children(@Parameter(example = "341500") @RequestParam(required = false) String parent) {
		if (parent == null) {
			return this.regions.all().stream().filter(r -> r.parent() == null).map(this::view).toList();
		}
		this.regions.find(parent).orElseThrow(() -> new UnknownRegionException(parent));
		return this.regions.children(parent).stream().map(this::view).toList();
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Add a region under a parent the caller covers; the code must fit its parent (341526 under 341500)")
	RegionView add(@Valid @RequestBody NewRegion request, Caller caller) {
		String expected = Region.expectedParent(request.code());
		if (expected == null ? request.parent() != null : !expected.equals(request.parent())) {
			throw new InvalidRegionException("parent", request.parent(),
					"Region " + request.code() + " must have parent " + (expected == null ? "none" : expected) + ".");
		}
		if (request.parent() != null) {
			this.regions.find(request.parent()).filter(p -> caller.covers(p.code()))
				.orElseThrow(() -> new UnknownRegionException(request.parent()));
		}
		else if (!caller.covers(request.code()) || !caller.canWrite()) {
			// A province has no parent but the country: a province client (340000) must not add its
			// neighbours, only a client of the whole country (000000) covers a new province.
			throw new AccessDeniedException("Only the national platform adds provinces.");
		}
		if (!caller.canWrite()) {
			throw new AccessDeniedException("This client may only read.");
		}
		if (this.regions.find(request.code()).isPresent()) {
			throw new InvalidRegionException("code", request.code(), "Region " + request.code() + " already exists.");
		}
		Region region = new Region(request.code(), request.name(), request.nameEn(), request.parent(), Region.Level.of(request.code()));
		return view(this.regions.add(region));
	}

	private RegionView view(Region region) {
		Summary parent = region.parent() == null ? null
				: this.regions.find(region.parent()).map(p -> new Summary(p.code(), p.name())).orElse(null);
		List<Summary> children = this.regions.children(region.code()).stream().map(c -> new Summary(c.code(), c.name())).toList();
		return new RegionView(region.code(), region.name(), region.nameEn(), region.level().name(), parent, children);
	}

}
