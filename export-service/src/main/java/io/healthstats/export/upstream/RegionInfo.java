package io.healthstats.export.upstream;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A region of the indicator-service's tree with the names of its children. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RegionInfo(String code, String name, List<Summary> children) {

	public RegionInfo {
		children = children == null ? List.of() : children;
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Summary(String code, String name) {
	}

}
