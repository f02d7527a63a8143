package fr.centraleachat.gateway.security;

import java.time.Duration;

import io.netty.channel.ChannelOption;
import reactor.netty.http.client.HttpClient;

import org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive.JwkSetUriReactiveJwtDecoderBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Bearer-token (JWT) protection of the API. The gateway only checks that the caller is
 * authenticated; the services validate the same token again and apply their own authorisations.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

	private static final Duration JWK_SET_TIMEOUT = Duration.ofSeconds(3);

	@Bean
	SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, ReactiveJwtDecoder jwtDecoder,
			ProblemAuthenticationEntryPoint entryPoint, ProblemAuthenticationFailureHandler failureHandler,
			ProblemAccessDeniedHandler accessDeniedHandler) {
		return http
			// Stateless API authenticated by bearer tokens only: no session, no cookie, hence no CSRF.
			.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			.requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
			.authorizeExchange(exchanges -> exchanges
				.pathMatchers("/api/*/v3/api-docs", "/api/*/v3/api-docs/**").permitAll()
				.pathMatchers("/api/**").authenticated()
				.pathMatchers("/swagger-ui.html", "/swagger-ui/**", "/webjars/swagger-ui/**", "/v3/api-docs",
						"/v3/api-docs/swagger-config")
				.permitAll()
				.pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus")
				.permitAll()
				// Reached only through the circuit breaker's internal forward, never from outside.
				.pathMatchers("/fallback/**").denyAll()
				.anyExchange().authenticated())
			// Boot's decoder (JWKS URI + issuer check), with key-fetch failures made distinguishable.
			.oauth2ResourceServer(resourceServer -> resourceServer
				.jwt(jwt -> jwt.jwtDecoder(new KeySetFailureTranslatingJwtDecoder(jwtDecoder)))
				.authenticationEntryPoint(entryPoint)
				.authenticationFailureHandler(failureHandler)
				.accessDeniedHandler(accessDeniedHandler))
			.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(entryPoint)
				.accessDeniedHandler(accessDeniedHandler))
			.build();
	}

	/**
	 * Bounded key fetches: without timeouts, a hanging auth server would hang every authenticated
	 * request instead of failing it with a 503.
	 */
	@Bean
	JwkSetUriReactiveJwtDecoderBuilderCustomizer boundedJwkSetFetch() {
		HttpClient httpClient = HttpClient.create()
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) JWK_SET_TIMEOUT.toMillis())
			.responseTimeout(JWK_SET_TIMEOUT);
		WebClient webClient = WebClient.builder().clientConnector(new ReactorClientHttpConnector(httpClient)).build();
		return builder -> builder.webClient(webClient);
	}

}
