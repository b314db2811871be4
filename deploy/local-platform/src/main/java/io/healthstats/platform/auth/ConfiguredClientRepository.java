package io.healthstats.platform.auth;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * The clients of the configuration, in memory. Spring's {@code InMemoryRegisteredClientRepository}
 * refuses two clients with the same secret, but the local demo clients deliberately share one.
 */
final class ConfiguredClientRepository implements RegisteredClientRepository {

	private final Map<String, RegisteredClient> byId = new ConcurrentHashMap<>();

	private final Map<String, RegisteredClient> byClientId = new ConcurrentHashMap<>();

	ConfiguredClientRepository(List<RegisteredClient> clients) {
		clients.forEach(this::save);
	}

	/** Also called by the server to store a client whose secret it re-encoded on first use. */
	@Override
	public void save(RegisteredClient client) {
		this.byId.put(client.getId(), client);
		this.byClientId.put(client.getClientId(), client);
	}

	@Override
	public RegisteredClient findById(String id) {
		return this.byId.get(id);
	}

	@Override
	public RegisteredClient findByClientId(String clientId) {
		return this.byClientId.get(clientId);
	}

}
