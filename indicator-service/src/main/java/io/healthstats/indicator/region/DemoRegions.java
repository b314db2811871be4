package io.healthstats.indicator.region;

import java.util.List;

import io.healthstats.indicator.region.Region.Level;

/** Anhui → Lu'an (六安市) and its seven county-level regions, the tree every environment starts with. */
final class DemoRegions {

	static final List<Region> TREE = List.of(
			new Region("340000", "安徽省", "Anhui", null, Level.PROVINCE),
			new Region("341500", "六安市", "Lu'an", "340000", Level.CITY),
			new Region("341502", "金安区", "Jin'an", "341500", Level.COUNTY),
			new Region("341503", "裕安区", "Yu'an", "341500", Level.COUNTY),
			new Region("341504", "叶集区", "Yeji", "341500", Level.COUNTY),
			new Region("341522", "霍邱县", "Huoqiu", "341500", Level.COUNTY),
			new Region("341523", "舒城县", "Shucheng", "341500", Level.COUNTY),
			new Region("341524", "金寨县", "Jinzhai", "341500", Level.COUNTY),
			new Region("341525", "霍山县", "Huoshan", "341500", Level.COUNTY));

	private DemoRegions() {
	}

}
