package io.healthstats.report.events;

import java.time.Instant;
import java.util.List;

import io.healthstats.report.document.ReportDocument;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A change of a report and the events announcing it, written before the change itself under the
 * id of the change's event. Whoever finds it pending (the request that wrote it, or the publisher
 * after a crash) applies the change (idempotently) and sends the events.
 * @param change the report as it is after the change; dropped once published, as the report holds it
 * @param status PENDING until every message is sent
 */
@Document(OutboxEntry.COLLECTION)
record OutboxEntry(@Id String id, String reportId, int seq, ReportDocument change, List<OutboxMessage> messages,
		Status status, Instant createdAt, Instant publishedAt, int attempts) {

	static final String COLLECTION = "report_outbox";

	enum Status {

		PENDING, PUBLISHED

	}

}
