package io.healthstats.report.document;

/** An uploaded file of a type this service does not read. */
public class UnsupportedDocumentException extends RuntimeException {

	public UnsupportedDocumentException(String message) {
		super(message);
	}

}
