package io.healthstats.report.figure;

import java.util.LinkedHashMap;
import java.util.Map;

import io.healthstats.report.analysis.Analysis;
import io.healthstats.report.analysis.DocumentAnalyzer;

import org.springframework.stereotype.Component;

/**
 * Analyses of report texts, the most recent ones kept: a text is analysed when it is saved, and
 * again for the answer, then typically for its figures and observations. Keyed by the text itself,
 * so a cached analysis can never belong to another text.
 */
@Component
public class ReportAnalyses {

	private static final int CACHED = 64;

	private final DocumentAnalyzer analyzer;

	private final Map<String, Analysis> recent = new LinkedHashMap<>(CACHED, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Analysis> eldest) {
			return size() > CACHED;
		}

	};

	ReportAnalyses(DocumentAnalyzer analyzer) {
		this.analyzer = analyzer;
	}

	public Analysis of(String text) {
		synchronized (this.recent) {
			Analysis cached = this.recent.get(text);
			if (cached != null) {
				return cached;
			}
		}
		Analysis analysis = this.analyzer.analyze(text);
		synchronized (this.recent) {
			this.recent.put(text, analysis);
		}
		return analysis;
	}

}
