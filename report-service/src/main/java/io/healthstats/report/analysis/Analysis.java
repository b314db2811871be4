package io.healthstats.report.analysis;

import java.util.List;
import java.util.Optional;

/**
 * What {@link DocumentAnalyzer} found in a text.
 * @param sections the top-level sections, each with its sub-sections
 * @param figures every number in the text, in text order
 * @param rates the rate figures whose numerator and denominator were found beside them
 */
public record Analysis(List<Section> sections, List<Figure> figures, List<RateParts> rates) {

	public Analysis {
		sections = List.copyOf(sections);
		figures = List.copyOf(figures);
		rates = List.copyOf(rates);
	}

	/** An analysis without rate pairing (every {@link #rateParts} is empty). */
	public Analysis(List<Section> sections, List<Figure> figures) {
		this(sections, figures, List.of());
	}

	/** The figures that are still blanks to fill in, in text order. */
	public List<Figure> placeholders() {
		return this.figures.stream().filter(Figure::placeholder).toList();
	}

	/**
	 * The numerator and denominator of a rate figure, when the text states both beside it.
	 * See {@link DocumentAnalyzer} for the rule.
	 */
	public Optional<RateParts> rateParts(Figure rate) {
		return this.rates.stream().filter((parts) -> parts.rate().equals(rate)).findFirst();
	}

}
