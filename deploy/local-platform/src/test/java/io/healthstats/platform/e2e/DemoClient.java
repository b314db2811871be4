package io.healthstats.platform.e2e;

import java.util.List;

/**
 * The demo clients of the local platform (README, "Demo clients and tokens") with the region their
 * token is bound to, and the regions each one does not own: what the isolation matrix tries.
 */
record DemoClient(String id, String region, boolean writes) {

	static final String PROVINCE = "340000";

	static final String CITY = "341500";

	static final List<String> COUNTIES = List.of("341502", "341503", "341504", "341522", "341523", "341524", "341525");

	/** A province the demo tree does not have: the only region outside the province clients' subtree. */
	static final String OTHER_PROVINCE = "350000";

	static final List<DemoClient> ALL = List.of(new DemoClient("province-340000", PROVINCE, true),
			new DemoClient("city-341500", CITY, true), county("341502"), county("341503"), county("341504"),
			county("341522"), county("341523"), county("341524"), county("341525"),
			new DemoClient("partner-demo", PROVINCE, false));

	private static DemoClient county(String code) {
		return new DemoClient("county-" + code, code, true);
	}

	/** Whether {@code code} lies in this client's subtree (DESIGN.md §4: by the code's structure). */
	boolean covers(String code) {
		return covers(this.region, code);
	}

	static boolean covers(String root, String code) {
		if (root.endsWith("0000")) {
			return code.startsWith(root.substring(0, 2));
		}
		if (root.endsWith("00")) {
			return code.startsWith(root.substring(0, 4));
		}
		return root.equals(code);
	}

	/**
	 * Regions with data that this client must not reach: for a county a neighbouring county, its city and
	 * its province; for the city its province. The province clients own the whole demo tree, so for them
	 * it is a province that does not exist here.
	 */
	List<String> foreignRegions() {
		if (COUNTIES.contains(this.region)) {
			String neighbour = COUNTIES.get((COUNTIES.indexOf(this.region) + 1) % COUNTIES.size());
			return List.of(neighbour, CITY, PROVINCE);
		}
		if (CITY.equals(this.region)) {
			return List.of(PROVINCE);
		}
		return List.of(OTHER_PROVINCE);
	}

	/** A code of the same level as {@code region} that does not exist: the answer a foreign region must match. */
	static String missingLike(String region) {
		if (region.endsWith("0000")) {
			return OTHER_PROVINCE.equals(region) ? "360000" : OTHER_PROVINCE;
		}
		return region.endsWith("00") ? "341700" : "341599";
	}

	/** The demo client of exactly this region, the one that owns its objects; null outside the demo tree. */
	static String owner(String region) {
		if (PROVINCE.equals(region)) {
			return "province-340000";
		}
		if (CITY.equals(region)) {
			return "city-341500";
		}
		return COUNTIES.contains(region) ? "county-" + region : null;
	}

	@Override
	public String toString() {
		return this.id;
	}

}
