package fr.centraleachat.gateway.security;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import fr.centraleachat.gateway.problem.ProblemResponseWriter;

import io.netty.channel.ChannelOption;
import reactor.netty.http.client.HttpClient;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Bearer-token (JWT) protection of the API. The gateway checks that the caller is authenticated (issuer,
 * signature, expiry, audience); the services validate the same token again and apply their own
 * authorisations. The actuator beyond health status is for operators only.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

	private static final Duration JWK_SET_TIMEOUT = Duration.ofSeconds(3);

	/** Operators: an administrator, or a monitoring client given this scope (same rule as the services). */
	static final String[] OPERATOR_AUTHORITIES = { "ROLE_ADMIN", "SCOPE_operations" };

	private static final Duration VERIFIED_TOKEN_MAX_AGE = Duration.ofMinutes(5);

	private static final int VERIFIED_TOKENS_MAX = 50_000;

	@Bean
	SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, CachingJwtDecoder jwtDecoder,
			ProblemAuthenticationEntryPoint entryPoint, ProblemAuthenticationFailureHandler failureHandler,
			ProblemAccessDeniedHandler accessDeniedHandler,
			Environment environment) {
		String[] publicReads = Binder.get(environment)
			.bind("centrale.securite.lectures-publiques", Bindable.of(String[].class))
			.orElse(new String[0]);
		return http
			// Stateless API authenticated by bearer tokens only: no session, no cookie, hence no CSRF.
			.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			.requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
			.authorizeExchange(exchanges -> publicReads(exchanges
				.pathMatchers("/api/*/v3/api-docs", "/api/*/v3/api-docs/**").permitAll(), publicReads)
				.pathMatchers("/api/**").authenticated()
				.pathMatchers("/swagger-ui.html", "/swagger-ui/**", "/webjars/swagger-ui/**", "/v3/api-docs",
						"/v3/api-docs/swagger-config")
				.permitAll()
				// The events' AsyncAPI document and schemas, which every event's ce_dataschema points to.
				.pathMatchers("/asyncapi.json", "/asyncapi/schemas/*")
				.permitAll()
				// Status only for anonymous callers (details and components need an operator).
				.pathMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/liveness",
						"/actuator/health/readiness")
				.permitAll()
				.pathMatchers("/actuator", "/actuator/**").hasAnyAuthority(OPERATOR_AUTHORITIES)
				// Reached only through the circuit breaker's internal forward, never from outside.
				.pathMatchers("/fallback/**").denyAll()
				.anyExchange().authenticated())
			// Boot's decoder (JWKS URI, issuer and audience checks), remembered once verified.
			.oauth2ResourceServer(resourceServer -> resourceServer
				.jwt(jwt -> jwt.jwtDecoder(jwtDecoder).jwtAuthenticationConverter(jwtAuthenticationConverter()))
				.authenticationEntryPoint(entryPoint)
				.authenticationFailureHandler(failureHandler)
				.accessDeniedHandler(accessDeniedHandler))
			.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(entryPoint)
				.accessDeniedHandler(accessDeniedHandler))
			.build();
	}

	/**
	 * What a service lets anyone read (e.g. a published consultation's tender documents), GET only: each a path under
	 * /api/ naming resources, never a whole tree such as /api/**. A token sent is still checked, and the service
	 * decides what an anonymous caller sees.
	 */
	static ServerHttpSecurity.AuthorizeExchangeSpec publicReads(ServerHttpSecurity.AuthorizeExchangeSpec exchanges,
			String[] paths) {
		String[] kept = checkedPublicReads(paths);
		return kept.length == 0 ? exchanges : exchanges.pathMatchers(HttpMethod.GET, kept).permitAll();
	}

	static String[] checkedPublicReads(String[] paths) {
		List<String> kept = new ArrayList<>();
		for (String path : paths) {
			String trimmed = path.trim();
			if (trimmed.isEmpty()) {
				continue;
			}
			if (!trimmed.startsWith("/api/") || trimmed.startsWith("/api/**")) {
				throw new IllegalStateException("centrale.securite.lectures-publiques: " + trimmed
						+ " must be a path under /api/ naming the readable resources, not a whole tree");
			}
			kept.add(trimmed);
		}
		return kept.toArray(String[]::new);
	}

	/**
	 * Keys from the JWKS URI (fetched at the first token, so the gateway starts before the auth server);
	 * issuer, expiry and audience checked; key-fetch failures made distinguishable (503); successes
	 * remembered until the token expires.
	 */
	@Bean
	CachingJwtDecoder cachingJwtDecoder(
			@Value("${spring.security.oauth2.resourceserver.jwt.jwk-set-uri}") String jwkSetUri,
			@Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri}") String issuer,
			@Value("${centrale.securite.audience:centrale-api}") String audience) {
		HttpClient httpClient = HttpClient.create()
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) JWK_SET_TIMEOUT.toMillis())
			.responseTimeout(JWK_SET_TIMEOUT);
		WebClient webClient = WebClient.builder().clientConnector(new ReactorClientHttpConnector(httpClient)).build();
		NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(jwkSetUri)
			.webClient(webClient)
			.build();
		decoder.setJwtValidator(validator(issuer, audience));
		return new CachingJwtDecoder(new KeySetFailureTranslatingJwtDecoder(decoder), VERIFIED_TOKEN_MAX_AGE,
				VERIFIED_TOKENS_MAX, Clock.systemUTC());
	}

	static OAuth2TokenValidator<Jwt> validator(String issuer, String audience) {
		OAuth2TokenValidator<Jwt> audienceValidator = new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
				aud -> aud != null && aud.contains(audience));
		return new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(issuer), audienceValidator);
	}

	/** Scopes as {@code SCOPE_x} and the {@code roles} claim as {@code ROLE_x}, as in the services. */
	static ReactiveJwtAuthenticationConverterAdapter jwtAuthenticationConverter() {
		JwtGrantedAuthoritiesConverter scopes = new JwtGrantedAuthoritiesConverter();
		JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
		roles.setAuthoritiesClaimName("roles");
		roles.setAuthorityPrefix("ROLE_");
		JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
		converter.setJwtGrantedAuthoritiesConverter(jwt -> {
			Collection<GrantedAuthority> authorities = new ArrayList<>(scopes.convert(jwt));
			if (jwt.hasClaim("roles")) {
				authorities.addAll(roles.convert(jwt));
			}
			return authorities;
		});
		return new ReactiveJwtAuthenticationConverterAdapter(converter);
	}

	/** Requests refused by Spring Security's firewall get the same problem body as every other 400. */
	@Bean
	ServerExchangeRejectedHandler problemExchangeRejectedHandler(ProblemResponseWriter writer) {
		return (exchange, rejected) -> writer.write(exchange, HttpStatus.BAD_REQUEST, "Requête invalide",
				"La requête contient des éléments refusés (méthode, adresse ou en-tête).", headers -> {
				});
	}

}
