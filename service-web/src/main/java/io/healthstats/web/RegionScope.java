package io.healthstats.web;

import java.util.regex.Pattern;

/**
 * Region scoping by the structure of GB/T 2260 codes: {@code 340000} is a province, {@code 341500}
 * a city, anything else a county. The platform's regions follow this structure, so no lookup is needed.
 * The one rule every service applies to a caller's token region (DESIGN.md §4).
 */
public final class RegionScope {

	/** The root above every province: the platform's own services (the export-service) read every region with it. */
	public static final String COUNTRY = "000000";

	private static final Pattern CODE = Pattern.compile("\\d{6}");

	private RegionScope() {
	}

	public static boolean isCode(String code) {
		return code != null && CODE.matcher(code).matches();
	}

	/** Whether a client of region {@code caller} may see or act on region {@code target}. */
	public static boolean covers(String caller, String target) {
		if (!isCode(caller) || !isCode(target)) {
			return false;
		}
		return target.startsWith(prefix(caller));
	}

	/**
	 * The code prefix shared by every region in the subtree of {@code code}: none for the country
	 * ({@link #COUNTRY}, the region of the platform's own services), two digits for a province, four for
	 * a city, all six for a county.
	 */
	public static String prefix(String code) {
		if (COUNTRY.equals(code)) {
			return "";
		}
		if (code.endsWith("0000")) {
			return code.substring(0, 2);
		}
		if (code.endsWith("00")) {
			return code.substring(0, 4);
		}
		return code;
	}

}
