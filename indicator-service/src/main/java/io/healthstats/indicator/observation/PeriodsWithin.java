package io.healthstats.indicator.observation;

import java.util.ArrayList;
import java.util.List;

import io.healthstats.indicator.period.Granularity;
import io.healthstats.indicator.period.InvalidPeriodException;
import io.healthstats.indicator.period.Period;

/**
 * The periods of every granularity that lie wholly between the start of {@code from} and the end of
 * {@code to}: {@code 2024..2025} holds the two years, their eight quarters and 24 months;
 * {@code 2024Q2..2024Q3} holds two quarters and six months but not the year 2024, which reaches beyond.
 */
final class PeriodsWithin {

	private PeriodsWithin() {
	}

	static List<String> of(String fromId, String toId) {
		Period from = Period.parse("from", fromId);
		Period to = Period.parse("to", toId);
		Period firstMonth = from.first(Granularity.MONTH);
		Period lastMonth = to.last(Granularity.MONTH);
		if (lastMonth.compareTo(firstMonth) < 0) {
			throw new InvalidPeriodException("to", toId, "It must not end before from (" + fromId + ") starts.");
		}
		if (lastMonth.year() - firstMonth.year() > 200) {
			throw new InvalidPeriodException("to", toId, "A range spans at most 200 years.");
		}
		List<String> ids = new ArrayList<>();
		for (Granularity granularity : Granularity.values()) {
			Period p = firstMonth;
			while (p.granularity() != granularity) {
				p = p.parent();
			}
			for (; p.first(Granularity.MONTH).compareTo(lastMonth) <= 0; p = p.next()) {
				boolean within = p.first(Granularity.MONTH).compareTo(firstMonth) >= 0
						&& p.last(Granularity.MONTH).compareTo(lastMonth) <= 0;
				if (within) {
					ids.add(p.id());
				}
			}
		}
		return ids;
	}

}
