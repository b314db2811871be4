package io.healthstats.export.upstream;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A catalogue entry of the indicator-service, as far as exports need it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record IndicatorInfo(String code, String nameZh, String nameEn, String unit, String kind) {
}
