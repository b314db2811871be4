package io.healthstats.export.run;

import io.healthstats.export.job.JobEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes {@code export requested} events in consumer group {@code export-service}; whichever
 * instance's consumer gets one runs the job, so
 * exports spread over replicas by partition. A job runs in the listener thread, one record per poll,
 * with a poll interval long enough for the biggest export. Duplicates are harmless: taking a job is
 * one conditional update, and only a QUEUED job can be taken.
 */
@Component
class ExportWorker {

	private static final Logger log = LoggerFactory.getLogger(ExportWorker.class);

	private final JobRunner runner;

	private final JsonMapper json;

	ExportWorker(JobRunner runner, JsonMapper json) {
		this.runner = runner;
		this.json = json;
	}

	@KafkaListener(id = "export-worker", idIsGroup = false, groupId = "${spring.kafka.consumer.group-id}",
			topics = "${export.topics.exports}", concurrency = "${export.jobs.workers:2}",
			properties = { "max.poll.records=1", "max.poll.interval.ms=3600000" })
	void onEvent(ConsumerRecord<String, String> record) {
		JsonNode event;
		try {
			event = this.json.readTree(record.value());
		}
		catch (JacksonException ex) {
			log.warn("Skipping an unreadable record at {}-{}@{}", record.topic(), record.partition(), record.offset());
			return;
		}
		if (!JobEvents.REQUESTED.equals(event.path("type").asString(""))) {
			return;
		}
		String jobId = event.path("data").path("id").asString("");
		if (!jobId.isEmpty()) {
			this.runner.run(jobId);
		}
	}

}
