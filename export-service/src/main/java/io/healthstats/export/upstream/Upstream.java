package io.healthstats.export.upstream;

import java.io.IOException;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatusCode;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClientResponseException;

/** Turns what can go wrong calling another service into {@link UpstreamException}, retrying what may pass. */
final class Upstream {

	private static final Logger log = LoggerFactory.getLogger(Upstream.class);

	private Upstream() {
	}

	static <T> T call(String service, String what, int retries, Supplier<T> call) {
		for (int attempt = 0;; attempt++) {
			try {
				return call.get();
			}
			catch (RuntimeException ex) {
				UpstreamException failure = translate(service, what, ex);
				if (!failure.retriable() || attempt >= retries) {
					throw failure;
				}
				log.warn("{} (try {} of {}), trying again", failure.getMessage(), attempt + 1, retries + 1);
				pause(250L << attempt);
			}
		}
	}

	static UpstreamException translate(String service, String what, RuntimeException ex) {
		if (ex instanceof UpstreamException upstream) {
			return upstream;
		}
		if (ex instanceof RestClientResponseException response) {
			int status = response.getStatusCode().value();
			return new UpstreamException(service + " answered " + status + " for " + what + ".", status >= 500, ex);
		}
		if (ex instanceof ResourceAccessException || ex.getCause() instanceof IOException) {
			return new UpstreamException(service + " could not be reached for " + what + ".", true, ex);
		}
		if (ex instanceof org.springframework.security.oauth2.core.OAuth2AuthorizationException) {
			return new UpstreamException("The export-service could not get a service token for " + what + ".", true, ex);
		}
		throw ex;
	}

	/** An error status of an answer as an {@link UpstreamException}, retriable for a 5xx; nothing otherwise. */
	static void refuseError(String service, HttpStatusCode status, String what) {
		if (status.isError()) {
			throw new UpstreamException(service + " answered " + status.value() + " for " + what + ".",
					status.is5xxServerError(), null);
		}
	}

	static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new UpstreamException("Interrupted while waiting to retry.", false, ex);
		}
	}

}
