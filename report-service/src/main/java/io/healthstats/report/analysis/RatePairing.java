package io.healthstats.report.analysis;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the numerator and denominator of each stated rate among the counts beside it.
 * <p>
 * The rule: for a non-placeholder {@link FigureKind#PERCENT} (or per-mille) figure, the candidates are the
 * non-placeholder {@link FigureKind#COUNT} figures of the same sentence (up to {@code 。；！？} or a line break)
 * and the same section. A pair (numerator, denominator) of the same unit qualifies when
 * {@code 100 × numerator / denominator} (1000 × for ‰) agrees with the stated rate to within 0.01, or to within half
 * a unit of its last written digit when it is written with fewer than two decimals (85.5% accepts 85.45…85.55).
 * Among qualifying pairs the one nearest the rate wins. A rate without a qualifying pair has no parts: it was not
 * computed from counts the text gives, so it cannot be re-aggregated.
 */
final class RatePairing {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

	private static final BigDecimal MIN_TOLERANCE = new BigDecimal("0.01");

	private static final int NEIGHBOURS = 10;

	private RatePairing() {
	}

	static List<RateParts> pair(Text text, List<Figure> figures) {
		List<RateParts> rates = new ArrayList<>();
		for (int i = 0; i < figures.size(); i++) {
			Figure rate = figures.get(i);
			if (rate.placeholder() || (rate.kind() != FigureKind.PERCENT && rate.kind() != FigureKind.PERMILLE)) {
				continue;
			}
			List<Figure> counts = countsBeside(text, figures, i);
			RateParts best = null;
			int bestDistance = Integer.MAX_VALUE;
			for (Figure numerator : counts) {
				for (Figure denominator : counts) {
					if (numerator == denominator || !numerator.unit().equals(denominator.unit())
							|| !agrees(rate, numerator.value(), denominator.value())) {
						continue;
					}
					int distance = Math.abs(rate.start() - numerator.start()) + Math.abs(rate.start() - denominator.start());
					if (distance < bestDistance) {
						best = new RateParts(rate, numerator, denominator);
						bestDistance = distance;
					}
				}
			}
			if (best != null) {
				rates.add(best);
			}
		}
		return rates;
	}

	/**
	 * The counts of the rate's sentence among the {@link #NEIGHBOURS} figures either side of it: a rate's parts
	 * are written beside it. Every count of the sentence made a text of one long sentence cubic in its figures.
	 */
	private static List<Figure> countsBeside(Text text, List<Figure> figures, int rateIndex) {
		Figure rate = figures.get(rateIndex);
		int from = text.sentenceStart(rate.start());
		int to = text.sentenceEnd(rate.start());
		List<Figure> counts = new ArrayList<>();
		for (Figure f : figures.subList(Math.max(0, rateIndex - NEIGHBOURS), Math.min(figures.size(), rateIndex + NEIGHBOURS + 1))) {
			if (f.kind() == FigureKind.COUNT && !f.placeholder() && f.start() >= from && f.end() <= to
					&& f.section().equals(rate.section()) && f.value().signum() > 0) {
				counts.add(f);
			}
		}
		return counts;
	}

	static boolean agrees(Figure rate, BigDecimal numerator, BigDecimal denominator) {
		BigDecimal factor = (rate.kind() == FigureKind.PERMILLE) ? THOUSAND : HUNDRED;
		BigDecimal computed = numerator.multiply(factor).divide(denominator, MathContext.DECIMAL64);
		BigDecimal halfLastDigit = new BigDecimal("0.5").movePointLeft(Math.max(rate.value().scale(), 0));
		BigDecimal tolerance = halfLastDigit.max(MIN_TOLERANCE);
		return computed.subtract(rate.value()).abs().compareTo(tolerance) <= 0;
	}

}
