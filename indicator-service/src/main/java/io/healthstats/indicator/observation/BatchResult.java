package io.healthstats.indicator.observation;

import java.util.List;

/**
 * What happened to each row of a batch.
 * @param accepted rows stored or already stored with the same numbers
 * @param created rows that became the first revision of their key
 * @param revised rows that became a new revision of their key
 * @param unchanged rows whose key already held these numbers (a re-send changes nothing)
 * @param flagged indexes of accepted rates above 100 % (legal, worth a look)
 * @param rejected rows not stored, with the reasons
 */
public record BatchResult(int accepted, int created, int revised, int unchanged, List<Integer> flagged,
		List<RowError> rejected) {

	public record RowError(int index, List<String> errors) {
	}

}
