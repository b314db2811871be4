package io.healthstats.export.events;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

import io.healthstats.export.ExportTopics;
import io.healthstats.export.job.ExportJobs;
import io.healthstats.export.job.JobChanged;
import io.healthstats.export.job.PendingEvent;
import jakarta.annotation.PreDestroy;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the events jobs hold in their {@code outbox} arrays to {@code export.exports.v1} (CloudEvents,
 * structured JSON, key = region) and removes each once Kafka acknowledged it. Right after a change
 * (off the request thread, so a slow broker never slows a request) and in a sweep that picks up
 * whatever a crash or a broker outage left behind. An event may go out twice — after a crash between
 * the acknowledgement and its removal — always with the same id.
 */
@Component
class EventPublisher {

	private static final Logger log = LoggerFactory.getLogger(EventPublisher.class);

	private final ExportJobs jobs;

	private final KafkaTemplate<String, String> kafka;

	private final ExportTopics topics;

	private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

	private final ExecutorService now = Executors.newSingleThreadExecutor(runnable -> {
		Thread thread = new Thread(runnable, "export-events");
		thread.setDaemon(true);
		return thread;
	});

	EventPublisher(ExportJobs jobs, KafkaTemplate<String, String> kafka, ExportTopics topics) {
		this.jobs = jobs;
		this.kafka = kafka;
		this.topics = topics;
	}

	@EventListener
	void onChange(JobChanged changed) {
		this.now.execute(() -> {
			try {
				this.jobs.outbox(changed.jobId()).ifPresent(outbox -> send(outbox.jobId(), outbox));
			}
			catch (RuntimeException ex) {
				log.warn("Events of export {} not sent yet, the sweep retries: {}", changed.jobId(), ex.toString());
			}
		});
	}

	/**
	 * Runs on the thread that sends and records acknowledgements: read anywhere else, the outbox could still
	 * list an event whose send was acknowledged and removed meanwhile, and the event went out twice.
	 */
	@Scheduled(fixedDelayString = "${export.events.sweep-interval:1s}")
	void sweep() throws InterruptedException {
		try {
			this.now.submit(() -> this.jobs.withPendingEvents(200).forEach(outbox -> send(outbox.jobId(), outbox))).get();
		}
		catch (RejectedExecutionException ex) {
			// shutting down
		}
		catch (ExecutionException ex) {
			log.warn("Sweep of pending export events failed, will retry: {}", ex.getCause().toString());
		}
	}

	@PreDestroy
	void stop() {
		this.now.shutdown();
	}

	private void send(String jobId, ExportJobs.JobOutbox outbox) {
		for (PendingEvent event : outbox.events()) {
			if (!this.inFlight.add(event.id())) {
				continue;
			}
			ProducerRecord<String, String> record = new ProducerRecord<>(this.topics.exports(), event.key(), event.json());
			record.headers().add("content-type", "application/cloudevents+json".getBytes(StandardCharsets.UTF_8));
			record.headers().add("ce_id", event.id().getBytes(StandardCharsets.UTF_8));
			record.headers().add("ce_type", event.type().getBytes(StandardCharsets.UTF_8));
			try {
				this.kafka.send(record).whenCompleteAsync((result, ex) -> {
					try {
						if (ex == null) {
							this.jobs.sent(jobId, event.id());
						}
						else {
							log.warn("Event {} not sent yet, will retry: {}", event.id(), ex.toString());
						}
					}
					finally {
						this.inFlight.remove(event.id());
					}
				}, this.now); // never block Kafka's I/O thread with a database write
			}
			catch (RuntimeException ex) {
				this.inFlight.remove(event.id());
				log.warn("Event {} not sent yet, will retry: {}", event.id(), ex.toString());
			}
		}
	}

}
