package io.healthstats.report.web;

import io.healthstats.report.workflow.StaleVersionException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class IfMatchTests {

	@Test
	void readsStrongWeakAndBareVersions() {
		assertThat(IfMatch.version("\"3\"", "r")).isEqualTo(3);
		assertThat(IfMatch.version("W/\"3\"", "r")).isEqualTo(3);
		assertThat(IfMatch.version("3", "r")).isEqualTo(3);
	}

	@Test
	void starMatchesWhateverIsCurrent() {
		assertThat(IfMatch.version("*", "r")).isNull();
	}

	@Test
	void missingHeaderIsAPreconditionRequired() {
		assertThatExceptionOfType(PreconditionRequiredException.class).isThrownBy(() -> IfMatch.version(null, "r"));
		assertThatExceptionOfType(PreconditionRequiredException.class).isThrownBy(() -> IfMatch.version(" ", "r"));
	}

	@Test
	void somethingThatIsNoVersionNeverMatches() {
		assertThatExceptionOfType(StaleVersionException.class).isThrownBy(() -> IfMatch.version("\"abc\"", "r"));
		assertThatExceptionOfType(StaleVersionException.class).isThrownBy(() -> IfMatch.version("\"1\", \"2\"", "r"));
	}

}
