package io.healthstats.export;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.healthstats.export.ExportApi.observations;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The observations of an export come as one streamed CSV; a stream that breaks is asked for again after
 * the last row's key, so the file holds every row exactly once; an older indicator-service without the
 * CSV is read page by page.
 */
class ObservationStreamIntegrationTests extends ExportIntegrationTest {

	static final String CITY = "city-341500";

	static final List<String> ROWS = List.of("OUTPATIENT_VISITS,门诊诊疗人次,341522,霍邱县,202401,120500,,,人次",
			"OUTPATIENT_VISITS,门诊诊疗人次,341522,霍邱县,202402,118000,,,人次",
			"OUTPATIENT_VISITS,门诊诊疗人次,341523,舒城县,202401,98120,,,人次",
			"OUTPATIENT_VISITS,门诊诊疗人次,341523,舒城县,202402,87310,,,人次",
			"OUTPATIENT_VISITS,门诊诊疗人次,341523,舒城县,2024Q1,286630,,,人次");

	@BeforeEach
	void data() {
		UPSTREAM.observation("OUTPATIENT_VISITS", "341522", "202401", "120500");
		UPSTREAM.observation("OUTPATIENT_VISITS", "341522", "202402", "118000");
		UPSTREAM.observation("OUTPATIENT_VISITS", "341523", "202401", "98120");
		UPSTREAM.observation("OUTPATIENT_VISITS", "341523", "202402", "87310");
		UPSTREAM.observation("OUTPATIENT_VISITS", "341523", "2024Q1", "286630");
	}

	@Test
	void aStreamTheIndicatorServiceBrokeOffIsContinuedAfterTheLastRowsKey() {
		UPSTREAM.interruptNextStreamAfter(2);
		UPSTREAM.interruptNextStreamAfter(2);

		List<String> file = export();

		assertThat(file).containsExactlyElementsOf(ROWS);
		assertThat(streamRequests()).containsExactly("", "OUTPATIENT_VISITS%7C341522%7C202402", "OUTPATIENT_VISITS%7C341523%7C202402");
	}

	@Test
	void aConnectionClosedInTheMiddleOfALineLosesNoRowAndRepeatsNone() {
		UPSTREAM.cutNextStreamAfter(3);

		assertThat(export()).containsExactlyElementsOf(ROWS);
		assertThat(streamRequests()).containsExactly("", "OUTPATIENT_VISITS%7C341523%7C202401");
	}

	@Test
	void failsWhenTheStreamBreaksThreeTimesWithoutANewRow() {
		for (int i = 0; i < 4; i++) {
			UPSTREAM.interruptNextStreamAfter(0);
		}
		String id = this.api.request(CITY, observations("csv", "OUTPATIENT_VISITS", "341500", "2024", "2024"));

		JsonNode job = this.api.awaitFinished(CITY, id, PATIENCE);

		assertThat(job.get("status").asString()).isEqualTo("FAILED");
		assertThat(job.get("error").asString()).isEqualTo("indicator-service broke off the stream of observations.");
		assertThat(streamRequests()).hasSize(3);
	}

	@Test
	void readsAnIndicatorServiceWithoutTheCsvPageByPage() {
		UPSTREAM.csvUnsupported(true);

		assertThat(export()).containsExactlyElementsOf(ROWS);
		// the refused stream, then five rows in pages of three
		assertThat(UPSTREAM.requests().stream().filter(r -> r.startsWith("GET /api/v1/observations"))).hasSize(3);
	}

	/** Exports the city's 2024 as CSV and answers the file's rows (without BOM and header). */
	private List<String> export() {
		String id = this.api.request(CITY, observations("csv", "OUTPATIENT_VISITS", "341500", "2024", "2024"));
		JsonNode job = this.api.awaitFinished(CITY, id, PATIENCE);
		assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("DONE");
		assertThat(job.get("rows").asLong()).isEqualTo(ROWS.size());
		byte[] bytes = this.api.get(CITY, "/api/v1/exports/" + id + "/file").getResponse().getContentAsByteArray();
		List<String> lines = List.of(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8).split("\r\n"));
		return lines.subList(1, lines.size());
	}

	/** The {@code after} of each streamed request ("" for none), in order. */
	private List<String> streamRequests() {
		return UPSTREAM.requests()
			.stream()
			.filter(r -> r.startsWith("GET /api/v1/observations"))
			.map(r -> r.contains("&after=") ? r.substring(r.indexOf("&after=") + 7).split("&")[0] : "")
			.toList();
	}

}
