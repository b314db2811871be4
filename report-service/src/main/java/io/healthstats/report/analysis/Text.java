package io.healthstats.report.analysis;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A report's text prepared for scanning: a folded copy of the same length (so offsets stay those of the
 * original), the page-break markers of web-scraped documents, and clause and sentence boundaries.
 */
final class Text {

	/**
	 * Documents copied from document-sharing sites break every page onto a new line that starts with the page
	 * number ({@code \n5、卫生健康工作…}), usually in the middle of a sentence.
	 */
	private static final Pattern LINE_NUMBER = Pattern.compile("(?m)^(\\d{1,3})、");

	private static final Pattern FIRST_CHAPTER = Pattern.compile("(?<![第一二三四五六七八九十统唯之万其逐同单初])一、");

	/** A page break only interrupts long scraped lines; a short line before {@code 1、} is a heading's title. */
	private static final int PAGE_LINE_MIN_LENGTH = 80;

	final String original;

	/** Full-width forms folded to ASCII, OCR slips repaired; same length as {@link #original}. */
	final String folded;

	private final boolean[] pageMarker;

	/** For each offset, the offset just past the nearest clause delimiter before it (or 0). */
	private final int[] clauseStart;

	/** For each offset, the offset just past the nearest sentence delimiter before it (or 0). */
	private final int[] sentenceStart;

	/** For each offset, the offset of the nearest clause delimiter at or after it (or the length). */
	private final int[] clauseEnd;

	/** For each offset, the offset of the nearest sentence delimiter at or after it (or the length). */
	private final int[] sentenceEnd;

	Text(String original) {
		this.original = original;
		this.folded = fold(original);
		this.pageMarker = new boolean[original.length() + 1];
		markPageBreaks();
		this.clauseStart = new int[original.length() + 1];
		this.sentenceStart = new int[original.length() + 1];
		this.clauseEnd = new int[original.length() + 1];
		this.sentenceEnd = new int[original.length() + 1];
		indexBoundaries();
	}

	int length() {
		return this.original.length();
	}

	char at(int i) {
		return this.folded.charAt(i);
	}

	boolean isPageMarker(int i) {
		return this.pageMarker[i];
	}

	/** Start of the clause holding offset {@code i}: just past the previous {@code ，。；：！？、} or line break. */
	int clauseStart(int i) {
		return this.clauseStart[i];
	}

	/** Start of the sentence holding offset {@code i}: just past the previous {@code 。；！？} or line break. */
	int sentenceStart(int i) {
		return this.sentenceStart[i];
	}

	/** End (exclusive) of the sentence holding offset {@code i}. */
	int sentenceEnd(int i) {
		return this.sentenceEnd[i];
	}

	/** End (exclusive) of the clause holding offset {@code i}. */
	int clauseEnd(int i) {
		return this.clauseEnd[i];
	}

	boolean isSentenceDelimiter(int i) {
		if (this.pageMarker[i]) {
			return false;
		}
		char c = this.folded.charAt(i);
		return c == '。' || c == ';' || c == '!' || c == '?' || c == '\n' || c == '\r';
	}

	boolean isClauseDelimiter(int i) {
		if (isSentenceDelimiter(i)) {
			return true;
		}
		if (this.pageMarker[i]) {
			return false;
		}
		char c = this.folded.charAt(i);
		return c == ',' || c == '，' || c == ':' || c == '、';
	}

	/** The original text of {@code [from, to)} without page-break markers. */
	String cleanOriginal(int from, int to) {
		StringBuilder out = new StringBuilder(to - from);
		for (int i = from; i < to; i++) {
			if (!this.pageMarker[i]) {
				out.append(this.original.charAt(i));
			}
		}
		return out.toString();
	}

	private void markPageBreaks() {
		Matcher m = LINE_NUMBER.matcher(this.folded);
		int expected = 1;
		while (m.find()) {
			int number = Integer.parseInt(m.group(1));
			if (number != expected) {
				continue;
			}
			boolean pageBreak = interruptsSentence(m.start())
					|| (number == 1 && (nextLineNumberInterrupts(m.end(), 2) || runsIntoFirstChapter(m.end())));
			if (pageBreak) {
				int from = m.start();
				while (from > 0 && (this.folded.charAt(from - 1) == '\n' || this.folded.charAt(from - 1) == '\r')) {
					from--;
				}
				for (int i = from; i < m.end(); i++) {
					this.pageMarker[i] = true;
				}
				expected++;
			}
		}
	}

	/**
	 * A one-page document has no second page number to prove the first: its line then runs on into the body's
	 * {@code 一、}, which a genuine {@code 1、} item could not contain.
	 */
	private boolean runsIntoFirstChapter(int from) {
		int lineEnd = this.folded.indexOf('\n', from);
		Matcher m = FIRST_CHAPTER.matcher(this.folded).region(from, (lineEnd < 0) ? this.folded.length() : lineEnd);
		return m.find();
	}

	private boolean nextLineNumberInterrupts(int from, int number) {
		Matcher m = LINE_NUMBER.matcher(this.folded);
		return m.find(from) && Integer.parseInt(m.group(1)) == number && interruptsSentence(m.start());
	}

	/** Whether the line before {@code lineStart} is a long line cut off in mid-sentence. */
	private boolean interruptsSentence(int lineStart) {
		if (lineStart < 2) {
			return false;
		}
		int end = lineStart - 1;
		while (end > 0 && Character.isWhitespace(this.folded.charAt(end - 1))) {
			end--;
		}
		int start = this.folded.lastIndexOf('\n', end - 1) + 1;
		if (end - start < PAGE_LINE_MIN_LENGTH) {
			return false;
		}
		char last = this.folded.charAt(end - 1);
		return "。;!?:".indexOf(last) < 0;
	}

	private void indexBoundaries() {
		int clause = 0;
		int sentence = 0;
		for (int i = 0; i < length(); i++) {
			this.clauseStart[i] = clause;
			this.sentenceStart[i] = sentence;
			if (isSentenceDelimiter(i)) {
				sentence = i + 1;
				clause = i + 1;
			}
			else if (isClauseDelimiter(i)) {
				clause = i + 1;
			}
		}
		this.clauseStart[length()] = clause;
		this.sentenceStart[length()] = sentence;
		// looked up for every figure: scanning forward each time was quadratic in a text without delimiters
		clause = length();
		sentence = length();
		this.clauseEnd[length()] = clause;
		this.sentenceEnd[length()] = sentence;
		for (int i = length() - 1; i >= 0; i--) {
			if (isSentenceDelimiter(i)) {
				sentence = i;
			}
			if (isClauseDelimiter(i)) {
				clause = i;
			}
			this.clauseEnd[i] = clause;
			this.sentenceEnd[i] = sentence;
		}
	}

	/**
	 * Folds full-width ASCII forms to ASCII (keeping the full-width comma, which is punctuation in Chinese text),
	 * the ideographic space to a space, and repairs two OCR slips of scanned reports: {@code 66.46%o} (the
	 * full stop read as "o") and {@code 100虬} (a percent sign and full stop read as one character).
	 */
	static String fold(String text) {
		char[] chars = text.toCharArray();
		for (int i = 0; i < chars.length; i++) {
			char c = chars[i];
			if (c >= '\uFF01' && c <= '\uFF5E' && c != '，') {
				chars[i] = (char) (c - 0xFEE0);
			}
			else if (c == '\u3000') {
				chars[i] = ' ';
			}
		}
		for (int i = 1; i < chars.length; i++) {
			if (chars[i] == 'o' && chars[i - 1] == '%' && (i + 1 == chars.length || !isAsciiLetter(chars[i + 1]))) {
				chars[i] = '。';
			}
			else if (chars[i] == '虬' && chars[i - 1] >= '0' && chars[i - 1] <= '9') {
				chars[i] = '%';
			}
		}
		return new String(chars);
	}

	private static boolean isAsciiLetter(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
	}

}
