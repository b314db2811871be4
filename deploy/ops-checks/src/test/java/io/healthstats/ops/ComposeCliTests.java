package io.healthstats.ops;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Compose's own validation of docker-compose.yml, where a Compose CLI is installed (v2 plugin or v1). */
class ComposeCliTests {

	@Test
	void composeAcceptsTheFile() {
		Optional<Tool> compose = Tool.find(List.of(List.of("docker", "compose"), List.of("docker-compose")), "version");
		assumeTrue(compose.isPresent(), "no Compose CLI here (neither `docker compose` nor `docker-compose`): "
				+ "docker-compose.yml checked by ComposeFileTests only");
		Tool.Result result = compose.get().run(Repository.root(), "-f", "docker-compose.yml", "config", "-q");
		assertThat(result.exitCode()).as(result.output()).isZero();
	}

}
