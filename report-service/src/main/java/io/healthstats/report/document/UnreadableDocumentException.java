package io.healthstats.report.document;

/** An uploaded file of a supported type that cannot be read: broken, wrongly encoded or empty. */
public class UnreadableDocumentException extends RuntimeException {

	public UnreadableDocumentException(String message) {
		super(message);
	}

	public UnreadableDocumentException(String message, Throwable cause) {
		super(message, cause);
	}

}
