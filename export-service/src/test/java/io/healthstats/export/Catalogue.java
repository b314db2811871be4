package io.healthstats.export;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the stub indicator-service knows: part of the real catalogue and the demo region tree. */
final class Catalogue {

	static final List<Map<String, Object>> INDICATORS = List.of(
			indicator("OUTPATIENT_VISITS", "门诊诊疗人次", "Outpatient visits", "人次", "COUNT"),
			indicator("BIRTHS", "出生人数", "Live births", "人", "COUNT"),
			indicator("HEALTH_CHECK_COMPLETION_RATE", "体检完成率", "Health check completion rate", "%", "RATE"));

	static final Map<String, String> REGIONS = new LinkedHashMap<>();

	static {
		REGIONS.put("340000", "安徽省");
		REGIONS.put("341500", "六安市");
		REGIONS.put("341502", "金安区");
		REGIONS.put("341503", "裕安区");
		REGIONS.put("341504", "叶集区");
		REGIONS.put("341522", "霍邱县");
		REGIONS.put("341523", "舒城县");
		REGIONS.put("341524", "金寨县");
		REGIONS.put("341525", "霍山县");
	}

	private Catalogue() {
	}

	static Map<String, Object> region(String code) {
		String name = REGIONS.get(code);
		if (name == null) {
			return null;
		}
		List<Map<String, Object>> children = REGIONS.entrySet()
			.stream()
			.filter(e -> !e.getKey().equals(code) && parent(e.getKey()).equals(code))
			.map(e -> Map.<String, Object>of("code", e.getKey(), "name", e.getValue()))
			.toList();
		Map<String, Object> region = new LinkedHashMap<>();
		region.put("code", code);
		region.put("name", name);
		region.put("level", code.endsWith("0000") ? "PROVINCE" : code.endsWith("00") ? "CITY" : "COUNTY");
		region.put("children", children);
		return region;
	}

	static String prefix(String code) {
		if (code.endsWith("0000")) {
			return code.substring(0, 2);
		}
		return code.endsWith("00") ? code.substring(0, 4) : code;
	}

	static int startMonth(String period) {
		int year = Integer.parseInt(period.substring(0, 4));
		if (period.length() == 4) {
			return year * 12;
		}
		if (period.charAt(4) == 'Q') {
			return year * 12 + (period.charAt(5) - '1') * 3;
		}
		return year * 12 + Integer.parseInt(period.substring(4)) - 1;
	}

	static int endMonth(String period) {
		int year = Integer.parseInt(period.substring(0, 4));
		if (period.length() == 4) {
			return year * 12 + 11;
		}
		if (period.charAt(4) == 'Q') {
			return year * 12 + (period.charAt(5) - '1') * 3 + 2;
		}
		return year * 12 + Integer.parseInt(period.substring(4)) - 1;
	}

	private static String parent(String code) {
		if (code.endsWith("0000")) {
			return "";
		}
		return code.endsWith("00") ? code.substring(0, 2) + "0000" : code.substring(0, 4) + "00";
	}

	private static Map<String, Object> indicator(String code, String zh, String en, String unit, String kind) {
		return Map.of("code", code, "nameZh", zh, "nameEn", en, "unit", unit, "kind", kind);
	}

}
