package io.healthstats.export.events;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.healthstats.export.ExportTopics;
import io.healthstats.export.job.ExportJobs;
import io.healthstats.export.job.ExportJobs.JobOutbox;
import io.healthstats.export.job.JobChanged;
import io.healthstats.export.job.PendingEvent;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/** The sweep never sends again an event whose send was acknowledged while the sweep read the outbox. */
class EventPublisherTests {

	private static final PendingEvent REQUESTED = new PendingEvent("export:job-1:requested",
			"io.healthstats.export.requested", "341500", "{}");

	private final ExportJobs jobs = mock(ExportJobs.class);

	@SuppressWarnings("unchecked")
	private final KafkaTemplate<String, String> kafka = mock(KafkaTemplate.class);

	private final EventPublisher publisher = new EventPublisher(this.jobs, this.kafka, new ExportTopics("export.exports.v1"));

	@AfterEach
	void stop() {
		this.publisher.stop();
	}

	@Test
	void anEventAcknowledgedWhileTheSweepReadsIsNotSentTwice() throws Exception {
		JobOutbox outbox = new JobOutbox("job-1", List.of(REQUESTED));
		given(this.jobs.outbox("job-1")).willReturn(Optional.of(outbox));
		CompletableFuture<SendResult<String, String>> acknowledged = new CompletableFuture<>();
		given(this.kafka.send(any(ProducerRecord.class))).willReturn(acknowledged);
		CountDownLatch removed = new CountDownLatch(1);
		willAnswer(invocation -> {
			removed.countDown();
			return null;
		}).given(this.jobs).sent("job-1", REQUESTED.id());
		// the sweep's read still lists the event; Kafka acknowledges it right then
		given(this.jobs.withPendingEvents(200)).willAnswer(invocation -> {
			acknowledged.complete(new SendResult<>(null, null));
			// a sweep running beside the sender would see the acknowledgement recorded before it goes on
			if (removed.await(500, TimeUnit.MILLISECONDS)) {
				Thread.sleep(100); // and the sender's bookkeeping done
			}
			return List.of(outbox);
		});

		this.publisher.onChange(new JobChanged("job-1"));
		verify(this.kafka, timeout(5_000)).send(any(ProducerRecord.class));
		this.publisher.sweep();

		verify(this.jobs, timeout(5_000)).sent("job-1", REQUESTED.id());
		verify(this.kafka, times(1)).send(any(ProducerRecord.class));
	}

}
