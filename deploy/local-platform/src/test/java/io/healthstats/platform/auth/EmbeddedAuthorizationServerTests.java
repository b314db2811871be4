package io.healthstats.platform.auth;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.nimbusds.jose.jwk.RSAKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The server as the launcher starts it: its settings must win over application.yml. */
class EmbeddedAuthorizationServerTests {

	@TempDir
	Path data;

	@Test
	void signsWithTheKeyKeptInTheLaunchersDataFolder() throws Exception {
		Path keyFile = this.data.resolve("auth/signing-key.jwk.json");
		try (ConfigurableApplicationContext server = AuthorizationServerApplication
			.startEmbedded(Map.of("server.port", 0, "platform.auth.key-file", keyFile, "spring.main.banner-mode", "off"))) {
			int port = ((WebServerApplicationContext) server).getWebServer().getPort();

			assertThat(keyFile).exists();
			String kid = RSAKey.parse(Files.readString(keyFile)).getKeyID();
			RestTestClient.bindToServer()
				.baseUrl("http://localhost:" + port)
				.build()
				.get()
				.uri("/oauth2/jwks")
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.keys[0].kid")
				.isEqualTo(kid)
				.jsonPath("$.keys[0].d")
				.doesNotExist();
		}
	}

}
