package io.healthstats.indicator.region;

/**
 * A node of the GB/T 2260 administrative tree.
 * @param code 6-digit code, e.g. {@code 341523}
 * @param name Chinese name, e.g. 舒城县
 * @param nameEn English name
 * @param parent parent code, null for a province
 * @param level PROVINCE, CITY or COUNTY (derived from the code)
 */
public record Region(String code, String name, String nameEn, String parent, Level level) {

	public enum Level {

		PROVINCE, CITY, COUNTY;

		static Level of(String code) {
			if (code.endsWith("0000")) {
				return PROVINCE;
			}
			return code.endsWith("00") ? CITY : COUNTY;
		}

	}

	/** The parent a code must have: a county's city ({@code 3415xx → 341500}), a city's province. */
	static String expectedParent(String code) {
		return switch (Level.of(code)) {
			case PROVINCE -> null;
			case CITY -> code.substring(0, 2) + "0000";
			case COUNTY -> code.substring(0, 4) + "00";
		};
	}

	public boolean isLeaf() {
		return this.level == Level.COUNTY;
	}

}
