package fr.centraleachat.auth.config;

import java.time.Clock;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import fr.centraleachat.auth.client.ConfiguredClientRepository;
import fr.centraleachat.auth.client.RegisteredClientMapper;
import fr.centraleachat.auth.jwk.JwkFileStore;
import fr.centraleachat.auth.login.LoginThrottle;
import fr.centraleachat.auth.login.ThrottledAuthenticationProvider;
import fr.centraleachat.auth.token.CentraleTokenCustomizer;
import fr.centraleachat.auth.token.SerializedAuthorizationService;
import fr.centraleachat.auth.user.ConfiguredUserDirectory;
import fr.centraleachat.auth.user.UserAccount;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.oauth2.server.authorization.InMemoryOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * Users, clients, signing key and token claims, all derived from {@link CentraleAuthProperties}.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerConfig {

	private static final Logger log = LoggerFactory.getLogger(AuthorizationServerConfig.class);

	@Bean
	ConfiguredUserDirectory userDirectory(CentraleAuthProperties properties) {
		ConfiguredUserDirectory directory = new ConfiguredUserDirectory(properties.resolvedUsers()
			.stream()
			.map((user) -> new UserAccount(user.username(), user.password(), user.roles(), user.membre(),
					user.siret()))
			.toList());
		if (directory.size() == 0) {
			log.warn("No user configured (centrale.auth.users): nobody can log in");
		}
		return directory;
	}

	@Bean
	ConfiguredClientRepository registeredClientRepository(CentraleAuthProperties properties) {
		ConfiguredClientRepository repository = new ConfiguredClientRepository(properties.resolvedClients()
			.stream()
			.map((client) -> RegisteredClientMapper.toRegisteredClient(client, properties.accessTokenTtl(),
					properties.refreshTokenTtl()))
			.toList());
		if (repository.size() == 0) {
			log.warn("No client configured (centrale.auth.clients): no token can be issued");
		}
		return repository;
	}

	@Bean
	JWKSource<SecurityContext> jwkSource(CentraleAuthProperties properties) {
		RSAKey key = JwkFileStore.loadOrCreate(properties.jwkPath());
		return new ImmutableJWKSet<>(new JWKSet(key));
	}

	@Bean
	OAuth2TokenCustomizer<JwtEncodingContext> tokenCustomizer(ConfiguredUserDirectory users,
			CentraleAuthProperties properties) {
		return new CentraleTokenCustomizer(users, properties.audience());
	}

	/**
	 * Sign-ins in progress and tokens issued, in memory as before, safe for concurrent sign-ins (see
	 * {@link SerializedAuthorizationService}).
	 */
	@Bean
	OAuth2AuthorizationService authorizationService() {
		return new SerializedAuthorizationService(new InMemoryOAuth2AuthorizationService());
	}

	@Bean
	LoginThrottle loginThrottle(CentraleAuthProperties properties) {
		return new LoginThrottle(properties.loginThrottling(), Clock.systemUTC());
	}

	/**
	 * The only authentication provider of the form login (being a bean, it replaces the one Spring
	 * Security would build from the user directory): passwords checked against the directory, behind
	 * the failed-login throttle.
	 */
	@Bean
	AuthenticationProvider throttledAuthenticationProvider(ConfiguredUserDirectory users, LoginThrottle throttle) {
		DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
		passwords.setPasswordEncoder(PasswordEncoderFactories.createDelegatingPasswordEncoder());
		return new ThrottledAuthenticationProvider(passwords, throttle);
	}

}
