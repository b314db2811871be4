package io.healthstats.report.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps a figure to the catalogue indicator its clause names.
 * <p>
 * Only indicators that accept the figure's unit are considered (a % figure maps only to a rate; 人 only to a count
 * or stock counted in people). The phrase whose end is closest before the figure within its clause wins, the
 * longer one on a tie (二孩出生 over 出生). A phrase {@code A…B} matches when B is in the clause and A earlier in the
 * same sentence (体检…完成率). Only when nothing stands before the figure is the phrase right after it taken
 * ({@code XX起突发公共卫生事件}). A clause that qualifies the figure as a density or an average (每千人口, 人均)
 * maps to nothing.
 */
final class IndicatorMatcher {

	private record Phrase(String code, String[] parts, int length) {
	}

	private static final List<String> DERIVED = List.of("每千", "每万", "每百", "每十万", "人均", "平均", "千人口", "万人口");

	/**
	 * How far before the figure's clause the earlier part of a phrase {@code A…B} is looked for: the longest
	 * sentence of the seed reports has 136 characters.
	 */
	private static final int SENTENCE_LOOKBACK = 500;

	private final Map<String, List<Phrase>> byUnit = new HashMap<>();

	private final List<Phrase> anyUnit = new ArrayList<>();

	IndicatorMatcher(IndicatorDictionary dictionary) {
		dictionary.phrases().forEach((code, phrases) -> {
			List<String> units = dictionary.units().get(code);
			for (String phrase : phrases) {
				String[] parts = Text.fold(phrase).split("…|\\.\\.\\.");
				int length = 0;
				for (String part : parts) {
					length += part.length();
				}
				if (length == 0) {
					continue;
				}
				Phrase p = new Phrase(code, parts, length);
				if (units == null || units.isEmpty()) {
					this.anyUnit.add(p);
				}
				else {
					units.forEach((unit) -> this.byUnit.computeIfAbsent(unit, (u) -> new ArrayList<>()).add(p));
				}
			}
		});
	}

	/**
	 * @param windowStart where the look-back stops: the clause start, or the end of a figure in between
	 * @return the indicator code, or {@code null}
	 */
	String match(Text text, int start, int end, int windowStart, String unit) {
		List<Phrase> phrases = this.byUnit.getOrDefault(unit, List.of());
		if (!this.anyUnit.isEmpty()) {
			phrases = new ArrayList<>(phrases);
			phrases.addAll(this.anyUnit);
		}
		if (phrases.isEmpty()) {
			return null;
		}
		if (isDerived(text, windowStart, start)) {
			return null;
		}
		String before = before(text, start, windowStart, phrases);
		return (before != null) ? before : after(text, end, phrases);
	}

	/** 每千人口执业医师1.51人 is a density, 人均… an average: the indicator is named, its value is not given. */
	private static boolean isDerived(Text text, int from, int to) {
		String window = text.folded.substring(from, to);
		for (String qualifier : DERIVED) {
			if (window.contains(qualifier)) {
				return true;
			}
		}
		return false;
	}

	private static String before(Text text, int start, int windowStart, List<Phrase> phrases) {
		// search the sentence up to the figure only: lastIndexOf on the whole text would scan back to its start;
		// and not further back than SENTENCE_LOOKBACK: a text of one endless sentence made this quadratic
		int sentenceStart = Math.max(Math.min(text.sentenceStart(start), windowStart), windowStart - SENTENCE_LOOKBACK);
		String sentence = text.folded.substring(sentenceStart, start);
		int window = windowStart - sentenceStart;
		Phrase best = null;
		int bestEnd = -1;
		for (Phrase p : phrases) {
			String last = p.parts[p.parts.length - 1];
			int at = sentence.lastIndexOf(last);
			if (at < window || !earlierPartsPresent(sentence, p, at)) {
				continue;
			}
			int phraseEnd = at + last.length();
			if (phraseEnd > bestEnd || (phraseEnd == bestEnd && p.length > best.length)) {
				best = p;
				bestEnd = phraseEnd;
			}
		}
		return (best != null) ? best.code : null;
	}

	private static boolean earlierPartsPresent(String sentence, Phrase p, int lastAt) {
		int limit = lastAt;
		for (int k = p.parts.length - 2; k >= 0; k--) {
			String part = p.parts[k];
			int at = sentence.lastIndexOf(part, limit - part.length());
			if (at < 0) {
				return false;
			}
			limit = at;
		}
		return true;
	}

	private static String after(Text text, int end, List<Phrase> phrases) {
		String s = text.folded;
		int from = (end < s.length() && s.charAt(end) == '的') ? end + 1 : end;
		int clauseEnd = text.clauseEnd(end);
		Phrase best = null;
		for (Phrase p : phrases) {
			if (p.parts.length == 1 && s.startsWith(p.parts[0], from) && from + p.length <= clauseEnd
					&& (best == null || p.length > best.length)) {
				best = p;
			}
		}
		return (best != null) ? best.code : null;
	}

}
