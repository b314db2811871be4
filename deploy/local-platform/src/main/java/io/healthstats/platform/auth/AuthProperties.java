package io.healthstats.platform.auth;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.Assert;

/**
 * The clients of the local authorization server.
 * @param clientSecret the secret every demo client shares (local mode only)
 * @param tokenTimeToLive how long an access token is valid
 * @param keyFile where the RSA signing key is kept so that tokens survive a restart; without one,
 * every start signs with a fresh key
 * @param clients id, region and scopes of each client
 */
@ConfigurationProperties("platform.auth")
record AuthProperties(@DefaultValue("demo-secret") String clientSecret,
		@DefaultValue("1h") Duration tokenTimeToLive, String keyFile, List<Client> clients) {

	AuthProperties {
		Assert.notEmpty(clients, "platform.auth.clients must list at least one client");
	}

	/**
	 * @param id the client id, e.g. {@code county-341523}
	 * @param region the GB/T 2260 code the client's data lives under
	 * @param scopes {@code read} and/or {@code write}
	 */
	record Client(String id, String region, List<String> scopes) {

		Client {
			Assert.hasText(id, "a client needs an id");
			Assert.isTrue(region != null && region.matches("\\d{6}"),
					() -> "client " + id + " needs a 6-digit region code, not " + region);
			Assert.notEmpty(scopes, () -> "client " + id + " needs at least one scope");
		}

	}

}
