package fr.centraleachat.auth.client;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * Client repository seeded from configuration. Unlike the in-memory repository of Spring Authorization
 * Server it accepts an empty set, which is the default when no client is configured. Saves are kept in
 * memory only: Spring Authorization Server saves a client to re-encode a secret stored with a weaker
 * encoding (e.g. {@code {noop}}), and configuration stays the source of truth at the next start.
 */
public class ConfiguredClientRepository implements RegisteredClientRepository {

	private final Map<String, RegisteredClient> byId = new ConcurrentHashMap<>();

	private final Map<String, RegisteredClient> byClientId = new ConcurrentHashMap<>();

	public ConfiguredClientRepository(Collection<RegisteredClient> clients) {
		clients.forEach(this::save);
	}

	@Override
	public void save(RegisteredClient registeredClient) {
		RegisteredClient previous = this.byClientId.get(registeredClient.getClientId());
		if (previous != null && !previous.getId().equals(registeredClient.getId())) {
			throw new IllegalArgumentException("Client id already registered: " + registeredClient.getClientId());
		}
		this.byId.put(registeredClient.getId(), registeredClient);
		this.byClientId.put(registeredClient.getClientId(), registeredClient);
	}

	@Override
	public RegisteredClient findById(String id) {
		return this.byId.get(id);
	}

	@Override
	public RegisteredClient findByClientId(String clientId) {
		return this.byClientId.get(clientId);
	}

	public int size() {
		return this.byId.size();
	}

}
