package io.healthstats.report.analysis;

import java.util.List;
import java.util.Objects;

/** Finds the sections and figures of a report's text. Thread-safe: build once, share. */
public final class DocumentAnalyzer {

	private final IndicatorDictionary dictionary;

	public DocumentAnalyzer(IndicatorDictionary dictionary) {
		this.dictionary = Objects.requireNonNull(dictionary);
	}

	public Analysis analyze(String text) {
		return new Analysis(List.of(), List.of());
	}

}
