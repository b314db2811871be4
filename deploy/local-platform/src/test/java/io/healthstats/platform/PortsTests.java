package io.healthstats.platform;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class PortsTests {

	@Test
	void withoutAnOffsetThePlatformUsesTheDocumentedPorts() {
		Ports ports = Ports.from(Map.of());
		assertThat(ports.all()).containsExactly(8080, 8081, 8082, 8083, 9000, 9092, 27017);
		assertThat(ports.service("gateway").url()).isEqualTo("http://localhost:8080");
	}

	@Test
	void anOffsetShiftsEveryPort() {
		Ports ports = Ports.from(Map.of("HEALTHSTATS_PORT_OFFSET", "300"));
		assertThat(ports.all()).containsExactly(8380, 8381, 8382, 8383, 9300, 9392, 27317);
	}

	@Test
	void aBadOffsetIsExplained() {
		assertThatIllegalStateException().isThrownBy(() -> Ports.from(Map.of("HEALTHSTATS_PORT_OFFSET", "abc")))
			.withMessageContaining("must be a number");
		assertThatIllegalStateException().isThrownBy(() -> Ports.from(Map.of("HEALTHSTATS_PORT_OFFSET", "40000")))
			.withMessageContaining("between 0 and");
	}

}
