package io.healthstats.report.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.healthstats.report.ReportTopics;
import io.healthstats.report.document.HistoryEntry;
import io.healthstats.report.document.ReportAction;
import io.healthstats.report.document.ReportDocument;
import io.healthstats.report.observation.PlannedObservation;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * The events a change of a report publishes: always one on the report topic; on approval also one
 * {@code io.healthstats.observation.submitted} per transferable figure on the indicator-service's
 * ingest topic.
 */
@Component
class ReportEvents {

	static final String REPORT_TYPE_PREFIX = "io.healthstats.report.";

	static final String OBSERVATION_TYPE = "io.healthstats.observation.submitted";

	private final ReportTopics topics;
	private final JsonMapper json;

	ReportEvents(ReportTopics topics, JsonMapper json) {
		this.topics = topics;
		this.json = json;
	}

	List<OutboxMessage> of(ReportDocument report) {
		HistoryEntry change = report.lastChange();
		List<OutboxMessage> messages = new ArrayList<>();
		boolean approval = change.action() == ReportAction.APPROVE && report.transfer() != null;
		Integer observationCount = approval ? report.transfer().observations().size() : null;
		String type = REPORT_TYPE_PREFIX + change.action().pastTense();
		ReportChanged data = new ReportChanged(report.id(), report.title(), report.region(), report.period(),
				report.kind().name(), report.status().name(), (change.from() != null) ? change.from().name() : null,
				report.version(), change.action().pastTense(), change.actor(), change.actorRegion(), change.comment(),
				report.figureCount(), report.placeholderCount(), observationCount);
		messages.add(message(CloudEvent.of(change.eventId(), type, report.id(), change.at(), data), this.topics.reports(),
				report.region()));
		if (approval) {
			for (PlannedObservation observation : report.transfer().observations()) {
				messages.add(message(observation(report.id(), observation, change.at()), this.topics.observations(),
						observation.region()));
			}
		}
		return messages;
	}

	private static CloudEvent observation(String reportId, PlannedObservation observation, Instant at) {
		ObservationSubmitted data = new ObservationSubmitted(observation.indicator(), observation.region(),
				observation.period(), observation.value(), observation.numerator(), observation.denominator(),
				new ObservationSource("REPORT", reportId, observation.source().text(), observation.source().start(),
						observation.source().end()));
		return CloudEvent.of(observation.eventId(), OBSERVATION_TYPE, observation.region(), at, data);
	}

	private OutboxMessage message(CloudEvent event, String topic, String key) {
		return new OutboxMessage(event.id(), topic, key, event.type(), this.json.writeValueAsString(event));
	}

	/** Data of every {@code io.healthstats.report.*} event. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record ReportChanged(String id, String title, String region, String period, String kind, String status,
			String previousStatus, int version, String action, String actor, String actorRegion, String comment,
			int figureCount, int placeholderCount, Integer observationCount) {
	}

	/** Data of {@code io.healthstats.observation.submitted}; numerator and denominator only for a rate. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record ObservationSubmitted(String indicator, String region, String period, BigDecimal value,
			BigDecimal numerator, BigDecimal denominator, ObservationSource source) {
	}

	record ObservationSource(String type, String id, String text, int start, int end) {
	}

}
