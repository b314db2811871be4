package io.healthstats.report.figure;

import java.util.LinkedHashMap;
import java.util.Map;

import io.healthstats.report.analysis.Analysis;
import io.healthstats.report.analysis.DocumentAnalyzer;

import org.springframework.stereotype.Component;

/**
 * Analyses of report texts. A version's text never changes, so its analysis is kept for the next
 * request (a client typically reads a report, then its figures, then its observations).
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

	/** The analysis of a stored version of a report. */
	public Analysis of(String reportId, int version, String text) {
		String key = reportId + ":v" + version;
		synchronized (this.recent) {
			Analysis cached = this.recent.get(key);
			if (cached != null) {
				return cached;
			}
		}
		Analysis analysis = this.analyzer.analyze(text);
		synchronized (this.recent) {
			this.recent.put(key, analysis);
		}
		return analysis;
	}

	/** The analysis of a text not stored yet. */
	public Analysis of(String text) {
		return this.analyzer.analyze(text);
	}

}
