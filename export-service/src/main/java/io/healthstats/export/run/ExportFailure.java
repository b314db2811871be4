package io.healthstats.export.run;

/** A job that cannot finish, with a reason its owner can act on (it becomes the job's {@code error}). */
class ExportFailure extends RuntimeException {

	ExportFailure(String message) {
		super(message);
	}

}
