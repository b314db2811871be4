package io.healthstats.indicator.query;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.healthstats.indicator.catalogue.Catalogue;
import io.healthstats.indicator.catalogue.Indicator;
import io.healthstats.indicator.period.Granularity;
import io.healthstats.indicator.period.InvalidPeriodException;
import io.healthstats.indicator.period.Period;
import io.healthstats.indicator.region.Region;
import io.healthstats.indicator.region.Regions;
import io.healthstats.indicator.region.UnknownRegionException;
import io.healthstats.indicator.rollup.Cell;
import io.healthstats.indicator.rollup.CellStore;
import io.healthstats.indicator.rollup.CellView;
import io.healthstats.indicator.rollup.Figures;
import io.healthstats.web.Caller;
import io.micrometer.core.annotation.Timed;

import org.springframework.stereotype.Service;

/** Series, breakdowns and completeness, each answered with one lookup of materialized cells by key. */
@Service
class Reads {

	static final int MAX_POINTS = 1200;

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private final Catalogue catalogue;
	private final Regions regions;
	private final CellStore cells;

	Reads(Catalogue catalogue, Regions regions, CellStore cells) {
		this.catalogue = catalogue;
		this.regions = regions;
		this.cells = cells;
	}

	record Point(String period, BigDecimal value, BigDecimal numerator, BigDecimal denominator, BigDecimal yoy,
			BigDecimal pop, int contributors, BigDecimal reported, BigDecimal rolledUp, boolean discrepancy) {
	}

	record Series(String indicator, String region, Granularity granularity, String unit, String change, List<Point> points) {
	}

	record Item(String region, String name, BigDecimal value, BigDecimal numerator, BigDecimal denominator,
			Integer rank, int contributors) {
	}

	record Breakdown(String indicator, String region, String period, List<Item> items) {
	}

	record ChildCompleteness(String region, String name, List<String> reported, List<String> missing, BigDecimal rate) {
	}

	record Completeness(String region, String period, int expected, BigDecimal rate, List<ChildCompleteness> children) {
	}

	@Timed(value = "indicator.reads.series", description = "Time to answer a time series")
	Series series(Caller caller, String code, String regionCode, Period from, Period to, Granularity granularity) {
		Indicator indicator = this.catalogue.get(code);
		Region region = visible(caller, regionCode);
		List<Period> periods = Period.range(from, to, granularity);
		if (periods.size() > MAX_POINTS) {
			throw new InvalidPeriodException("to", to.id(), "A series covers at most " + MAX_POINTS + " periods.");
		}
		Set<String> keys = new LinkedHashSet<>();
		for (Period p : periods) {
			keys.add(Cell.key(code, region.code(), p.id()));
			keys.add(Cell.key(code, region.code(), p.previous().id()));
			keys.add(Cell.key(code, region.code(), p.sameLastYear().id()));
		}
		Map<String, Cell> found = this.cells.view(keys);
		List<Point> points = new ArrayList<>();
		for (Period p : periods) {
			CellView view = view(found, indicator, region.code(), p);
			BigDecimal yoy = change(indicator, view.value(), view(found, indicator, region.code(), p.sameLastYear()).value());
			BigDecimal pop = change(indicator, view.value(), view(found, indicator, region.code(), p.previous()).value());
			Figures f = view.effective();
			points.add(new Point(p.id(), view.value(), f == null ? null : f.numerator(), f == null ? null : f.denominator(),
					yoy, pop, f == null ? 0 : f.contributors(), view.reported(), view.rolledUp(), view.discrepancy()));
		}
		String change = indicator.isRate() ? "percentage points" : "percent";
		return new Series(code, region.code(), granularity, indicator.unit(), change, points);
	}

	@Timed(value = "indicator.reads.breakdown", description = "Time to answer a breakdown by child region")
	Breakdown breakdown(Caller caller, String code, String regionCode, Period period) {
		Indicator indicator = this.catalogue.get(code);
		Region region = visible(caller, regionCode);
		List<Region> children = this.regions.children(region.code());
		Map<String, Cell> found = this.cells.view(children.stream().map(c -> Cell.key(code, c.code(), period.id())).toList());
		List<Item> unranked = children.stream().map(child -> {
			Figures f = CellView.of(found.get(Cell.key(code, child.code(), period.id())), indicator).effective();
			return f == null ? new Item(child.code(), child.name(), null, null, null, null, 0)
					: new Item(child.code(), child.name(), f.value(), f.numerator(), f.denominator(), null, f.contributors());
		}).sorted(Comparator.comparing(Item::value, Comparator.nullsLast(Comparator.reverseOrder()))).toList();
		List<Item> items = new ArrayList<>();
		for (int i = 0; i < unranked.size(); i++) {
			Item item = unranked.get(i);
			Integer rank = null;
			if (item.value() != null) {
				boolean tie = i > 0 && items.get(i - 1).value() != null && items.get(i - 1).value().compareTo(item.value()) == 0;
				rank = tie ? items.get(i - 1).rank() : i + 1;
			}
			items.add(new Item(item.region(), item.name(), item.value(), item.numerator(), item.denominator(), rank, item.contributors()));
		}
		return new Breakdown(code, region.code(), period.id(), items);
	}

	@Timed(value = "indicator.reads.completeness", description = "Time to answer a completeness check")
	Completeness completeness(Caller caller, String regionCode, Period period) {
		Region region = visible(caller, regionCode);
		List<Region> children = region.isLeaf() ? List.of(region) : this.regions.children(region.code());
		List<Indicator> expected = this.catalogue.all();
		List<String> keys = new ArrayList<>();
		children.forEach(c -> expected.forEach(i -> keys.add(Cell.key(i.code(), c.code(), period.id()))));
		Map<String, Cell> found = this.cells.view(keys);
		List<ChildCompleteness> rows = new ArrayList<>();
		int reportedTotal = 0;
		for (Region child : children) {
			List<String> reported = new ArrayList<>();
			List<String> missing = new ArrayList<>();
			for (Indicator indicator : expected) {
				boolean has = CellView.of(found.get(Cell.key(indicator.code(), child.code(), period.id())), indicator).value() != null;
				(has ? reported : missing).add(indicator.code());
			}
			reportedTotal += reported.size();
			rows.add(new ChildCompleteness(child.code(), child.name(), reported, missing, percent(reported.size(), expected.size())));
		}
		return new Completeness(region.code(), period.id(), expected.size(), percent(reportedTotal, expected.size() * children.size()), rows);
	}

	/** 同比/环比: percent change for counts and stocks, percentage points for rates; null without a usable base. */
	static BigDecimal change(Indicator indicator, BigDecimal current, BigDecimal base) {
		if (current == null || base == null) {
			return null;
		}
		if (indicator.isRate()) {
			return current.subtract(base);
		}
		if (base.signum() == 0) {
			return null;
		}
		return Figures.plain(current.subtract(base).multiply(HUNDRED).divide(base, MathContext.DECIMAL64));
	}

	private Region visible(Caller caller, String code) {
		return this.regions.find(code).filter(r -> caller.covers(r.code())).orElseThrow(() -> new UnknownRegionException(code));
	}

	private static CellView view(Map<String, Cell> found, Indicator indicator, String region, Period period) {
		return CellView.of(found.get(Cell.key(indicator.code(), region, period.id())), indicator);
	}

	private static BigDecimal percent(int part, int whole) {
		return whole == 0 ? null : Figures.plain(BigDecimal.valueOf(part).multiply(HUNDRED).divide(BigDecimal.valueOf(whole), MathContext.DECIMAL64));
	}

}
