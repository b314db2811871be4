package io.healthstats.ops;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static io.healthstats.ops.Repository.at;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/asyncapi.yaml against the services as they are: a channel for every topic they configure, a
 * message for every CloudEvent type they write, data schemas with exactly the fields the code writes,
 * and examples that satisfy the schemas. (EventContractIT checks real events of the running platform
 * against the same schemas.)
 */
class AsyncApiContractTests {

	static final String DOCUMENT = "docs/asyncapi.yaml";

	private static final Pattern EVENT_TYPE = Pattern.compile("io\\.healthstats\\.(observation|aggregate|report|export)\\.[a-z]+");

	private final Map<String, Object> document = Repository.yaml(DOCUMENT);

	private final SchemaCheck schemas = new SchemaCheck(this.document);

	@Test
	void isAnAsyncApi3DocumentWithAChannelForEveryConfiguredTopic() {
		assertThat(String.valueOf(this.document.get("asyncapi"))).startsWith("3.");
		Set<String> configured = new LinkedHashSet<>();
		for (String service : List.of("indicator-service", "report-service", "export-service")) {
			configured.addAll(Repository.topics(service));
		}
		Map<String, Map<String, Object>> channels = at(this.document, "channels");
		Set<String> documented = new LinkedHashSet<>();
		channels.values().forEach(channel -> documented.add((String) channel.get("address")));
		assertThat(documented).containsExactlyInAnyOrderElementsOf(configured);
		channels.values().forEach(channel -> assertThat((String) at(channel, "bindings.kafka.topic"))
			.isEqualTo(channel.get("address")));
	}

	@Test
	void hasAMessageForEveryCloudEventTypeTheServicesWrite() {
		Set<String> inCode = new LinkedHashSet<>();
		for (String service : List.of("indicator-service", "report-service", "export-service")) {
			inCode.addAll(JavaSource.literals(service, EVENT_TYPE));
		}
		// report types are the prefix plus each workflow action's past tense
		Matcher actions = Pattern.compile("[A-Z]+\\(\"([a-z]+)\"\\)")
			.matcher(JavaSource.read("report-service", "report/document/ReportAction.java"));
		while (actions.find()) {
			inCode.add("io.healthstats.report." + actions.group(1));
		}
		assertThat(JavaSource.read("report-service", "report/events/ReportEvents.java"))
			.contains("REPORT_TYPE_PREFIX = \"io.healthstats.report.\"");
		assertThat(cloudEventMessages().keySet()).containsExactlyInAnyOrderElementsOf(inCode);
	}

	@Test
	void everyExampleSatisfiesItsMessageSchema() {
		Map<String, Map<String, Object>> messages = at(this.document, "components.messages");
		messages.forEach((name, message) -> {
			List<Map<String, Object>> examples = at(message, "examples");
			assertThat(examples).as(name + " examples").isNotEmpty();
			for (Map<String, Object> example : examples) {
				assertThat(this.schemas.problems(message.get("payload"), example.get("payload")))
					.as(name + " example " + example.get("name"))
					.isEmpty();
				if (isCloudEvent(message)) {
					assertThat((Object) at(example, "payload.type")).as(name).isEqualTo(message.get("name"));
					assertThat((String) at(example, "payload.subject")).as(name).isNotBlank();
				}
				if (message.containsKey("headers") && example.containsKey("headers")) {
					assertThat(this.schemas.problems(message.get("headers"), example.get("headers"))).isEmpty();
				}
			}
		});
	}

	@Test
	void theEnvelopeIsTheOneEveryServiceWrites() {
		Set<String> envelope = this.schemas.propertyNames(Map.of("$ref", "#/components/schemas/CloudEvent"));
		for (String[] file : new String[][] { { "indicator-service", "indicator/events/CloudEvent.java" },
				{ "report-service", "report/events/CloudEvent.java" }, { "export-service", "export/job/CloudEvent.java" } }) {
			assertThat(JavaSource.recordComponents(JavaSource.read(file[0], file[1]), "CloudEvent")).as(file[0])
				.containsExactlyElementsOf(envelope);
			assertThat(JavaSource.read(file[0], file[1])).contains("\"/" + file[0] + "\"");
		}
	}

	@Test
	void indicatorEventDataHasExactlyTheFieldsTheIndicatorServiceWrites() {
		String events = JavaSource.read("indicator-service", "indicator/observation/ObservationEvents.java");
		assertThat(JavaSource.putKeys(events, "private PendingEvent observation(", "private PendingEvent aggregate("))
			.containsExactlyElementsOf(properties("Observation"));
		assertThat(JavaSource.putKeys(events, "private PendingEvent aggregate(", "private PendingEvent event("))
			.containsExactlyElementsOf(properties("Aggregate"));
		assertThat(JavaSource.recordComponents(JavaSource.read("indicator-service", "indicator/rollup/Source.java"), "Source"))
			.containsExactlyElementsOf(properties("Source"));
	}

	@Test
	void submittedObservationsCarryWhatTheReportServiceWritesAndTheIndicatorServiceReads() {
		String events = JavaSource.read("report-service", "report/events/ReportEvents.java");
		Set<String> submitted = properties("SubmittedObservation");
		assertThat(JavaSource.recordComponents(events, "ObservationSubmitted")).containsExactlyElementsOf(submitted);
		assertThat(JavaSource.recordComponents(events, "ObservationSource"))
			.containsExactlyElementsOf(this.schemas.propertyNames(at(this.document, "components.schemas.SubmittedObservation.properties.source")));
		// the ingest listener reads these fields of data (and source)
		Matcher fields = Pattern.compile("FIELDS = List\\.of\\(([^)]*)\\)")
			.matcher(JavaSource.read("indicator-service", "indicator/observation/RawRow.java"));
		assertThat(fields.find()).isTrue();
		for (String field : fields.group(1).replace("\"", "").split(",\\s*")) {
			assertThat(submitted).contains(field);
		}
	}

	@Test
	void reportEventDataHasExactlyTheFieldsOfTheReportChangedRecord() {
		String events = JavaSource.read("report-service", "report/events/ReportEvents.java");
		assertThat(JavaSource.recordComponents(events, "ReportChanged")).containsExactlyElementsOf(properties("Report"));
	}

	@Test
	void exportEventDataHasExactlyTheFieldsTheExportServiceWrites() {
		String events = JavaSource.read("export-service", "export/job/JobEvents.java");
		Set<String> base = JavaSource.putKeys(events, "Map<String, Object> base(", "private PendingEvent event(");
		Map<String, String> methods = new LinkedHashMap<>();
		methods.put("ExportRequestedData", "PendingEvent requested(");
		methods.put("ExportCompletedData", "PendingEvent completed(");
		methods.put("ExportFailedData", "PendingEvent failed(");
		methods.forEach((schema, method) -> {
			Set<String> written = new LinkedHashSet<>(base);
			written.addAll(JavaSource.putKeys(events, method, "return event("));
			assertThat(properties(schema)).as(schema).containsExactlyInAnyOrderElementsOf(written);
		});
	}

	@Test
	void deadLettersAreDocumentedWithTheirReasonHeader() {
		String deadLetter = at(Repository.yaml("indicator-service/src/main/resources/application.yml"), "indicator.topics.dead-letter");
		Map<String, Map<String, Object>> channels = at(this.document, "channels");
		assertThat(channels.get("ingestDeadLetter")).containsEntry("address", deadLetter);
		List<String> required = at(this.document, "components.messages.IngestDeadLetter.headers.required");
		assertThat(required).contains("kafka_dlt-exception-message");
		assertThat(JavaSource.read("indicator-service", "indicator/observation/IngestErrorHandling.java"))
			.contains("DeadLetterPublishingRecoverer");
	}

	/** Message name (the CloudEvent type) → message, for the messages with the CloudEvent trait. */
	private Map<String, Map<String, Object>> cloudEventMessages() {
		Map<String, Map<String, Object>> messages = at(this.document, "components.messages");
		Map<String, Map<String, Object>> byType = new LinkedHashMap<>();
		messages.values().stream().filter(AsyncApiContractTests::isCloudEvent).forEach(m -> byType.put((String) m.get("name"), m));
		return byType;
	}

	private static boolean isCloudEvent(Map<String, Object> message) {
		return String.valueOf(message.get("traits")).contains("#/components/messageTraits/cloudEvent");
	}

	private Set<String> properties(String schema) {
		return this.schemas.propertyNames(Map.of("$ref", "#/components/schemas/" + schema));
	}

}
