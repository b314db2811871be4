package io.healthstats.indicator.rollup;

/**
 * Where a value came from.
 * @param type CLIENT (API write), REPORT (an approved report's figure), INGEST (a partner's Kafka record)
 * @param id the client id, report id or producer
 * @param text the figure's text in the report, when from a report
 * @param start offset of the figure in the report text
 * @param end end offset of the figure in the report text
 */
public record Source(String type, String id, String text, Integer start, Integer end) {

	public static Source client(String clientId) {
		return new Source("CLIENT", clientId, null, null, null);
	}

}
