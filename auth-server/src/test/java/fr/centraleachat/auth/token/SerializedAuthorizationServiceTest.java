package fr.centraleachat.auth.token;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.InMemoryOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

import static org.assertj.core.api.Assertions.assertThat;

class SerializedAuthorizationServiceTest {

	private static final RegisteredClient CLIENT = RegisteredClient.withId("web")
		.clientId("centrale-web")
		.clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
		.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
		.redirectUri("http://127.0.0.1:8080/callback")
		.build();

	private final SerializedAuthorizationService service = new SerializedAuthorizationService(
			new InMemoryOAuth2AuthorizationService());

	@Test
	void concurrentSignInsStartingAndEndingFindTheirOwnAuthorization() throws Exception {
		// Sign-ins in progress (no token yet) are saved, looked up by their state and removed by several
		// threads at once: what made the in-memory service throw ConcurrentModificationException.
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Future<Integer>> threads = new ArrayList<>();
			for (int t = 0; t < 8; t++) {
				int thread = t;
				threads.add(pool.submit(() -> {
					int found = 0;
					for (int i = 0; i < 500; i++) {
						String state = "state-" + thread + "-" + i;
						OAuth2Authorization authorization = inProgress(thread + "-" + i, state);
						this.service.save(authorization);
						OAuth2Authorization again = this.service.findByToken(state,
								new OAuth2TokenType(OAuth2ParameterNames.STATE));
						if (again != null && again.getId().equals(authorization.getId())) {
							found++;
						}
						this.service.remove(authorization);
					}
					return found;
				}));
			}
			for (Future<Integer> thread : threads) {
				assertThat(thread.get(Duration.ofSeconds(30).toSeconds(), TimeUnit.SECONDS)).isEqualTo(500);
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void delegatesEachCall() {
		OAuth2Authorization authorization = inProgress("a", "state-a");
		this.service.save(authorization);
		assertThat(this.service.findById("a")).isEqualTo(authorization);
		assertThat(this.service.findByToken("state-a", null)).isEqualTo(authorization);
		this.service.remove(authorization);
		assertThat(this.service.findById("a")).isNull();
	}

	private static OAuth2Authorization inProgress(String id, String state) {
		return OAuth2Authorization.withRegisteredClient(CLIENT)
			.id(id)
			.principalName("fournisseur")
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.attribute(OAuth2ParameterNames.STATE, state)
			.build();
	}

}
