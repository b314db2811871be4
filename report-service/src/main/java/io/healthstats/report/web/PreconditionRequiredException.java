package io.healthstats.report.web;

/** An edit came without {@code If-Match}: it could silently overwrite someone else's change. */
class PreconditionRequiredException extends RuntimeException {

	PreconditionRequiredException(String message) {
		super(message);
	}

}
