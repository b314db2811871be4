package io.healthstats.indicator.observation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;

import io.healthstats.indicator.rollup.CellStore.ReportedFigures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** What a reader of the streamed CSV sees when the store fails: before the first row, and after some. */
class ObservationCsvTests {

	static final ObservationPages.Query ANY = new ObservationPages.Query(List.of(), null, "341500", null);

	ObservationCsv csv;

	@AfterEach
	void stop() {
		this.csv.stop();
	}

	@Test
	void aStreamThatFailsAfterSomeRowsEndsWithALineNamingWhereToContinue() throws IOException {
		this.csv = new ObservationCsv(failingAfter(List.of(new ReportedFigures("BIRTHS|341523|2024", "6685", null, null)),
				List.of(), List.of(new ReportedFigures("HEALTH_CHECK_COMPLETION_RATE|341523|2024", "66.45848734354687", "26071", "39229"))));
		MockHttpServletResponse response = new MockHttpServletResponse();

		this.csv.write(ANY, null, response);

		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(new String(response.getContentAsByteArray(), StandardCharsets.UTF_8)).isEqualTo(String.join("\r\n",
				"indicator,region,period,value,numerator,denominator", "BIRTHS,341523,2024,6685,,",
				"HEALTH_CHECK_COMPLETION_RATE,341523,2024,66.45848734354687,26071,39229",
				"#interrupted: the indicator-service could not read further; continue with after=HEALTH_CHECK_COMPLETION_RATE|341523|2024",
				""));
	}

	@Test
	void aStoreFailingBeforeTheFirstRowSendsNothingSoTheAnswerIsAProblem() {
		this.csv = new ObservationCsv(failingAfter());
		MockHttpServletResponse response = new MockHttpServletResponse();

		assertThatIllegalStateException().isThrownBy(() -> this.csv.write(ANY, null, response)).withMessage("store gone");
		assertThat(response.isCommitted()).isFalse();
		assertThat(response.getContentAsByteArray()).isEmpty();
	}

	/** Pages whose chunks are these, then a store failure. */
	@SafeVarargs
	private static ObservationPages failingAfter(List<ReportedFigures>... chunks) {
		return new ObservationPages(null, null, null) {

			@Override
			Chunks chunks(Query query, String after) {
				Iterator<List<ReportedFigures>> next = List.of(chunks).iterator();
				return new Chunks() {

					@Override
					public Supplier<List<ReportedFigures>> next() {
						if (!next.hasNext()) {
							return () -> {
								throw new IllegalStateException("store gone");
							};
						}
						List<ReportedFigures> chunk = next.next();
						return () -> chunk;
					}

					@Override
					public boolean concurrent() {
						return true;
					}

				};
			}

		};
	}

}
