package io.healthstats.indicator.rollup;

import java.math.BigDecimal;

import io.healthstats.indicator.catalogue.Indicator;

/**
 * What a reader sees of one cell: the effective figures, and when a value was reported for exactly
 * this key while finer data also exists, both of them and whether they disagree.
 */
public record CellView(Figures effective, BigDecimal reported, BigDecimal rolledUp, boolean discrepancy) {

	static final CellView EMPTY = new CellView(null, null, null, false);

	public static CellView of(Cell cell, Indicator indicator) {
		if (cell == null) {
			return EMPTY;
		}
		Figures rolled = cell.rolledUp(indicator);
		BigDecimal reported = cell.reported == null ? null : cell.reported.value();
		BigDecimal rolledValue = rolled == null ? null : rolled.value();
		boolean both = reported != null && rolledValue != null;
		return new CellView(cell.effective(indicator), both ? reported : null, both ? rolledValue : null,
				both && reported.compareTo(rolledValue) != 0);
	}

	public BigDecimal value() {
		return this.effective == null ? null : this.effective.value();
	}

}
