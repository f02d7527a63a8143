package fr.centraleachat.auth.config;

import java.util.Set;
import java.util.function.Predicate;

import fr.centraleachat.auth.client.RegisteredClientMapper;

import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Three filter chains: the OAuth2/OIDC protocol endpoints, the actuator, then everything else (login
 * form).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

	/** Scope of the operators' clients: actuator details, metrics, Prometheus. */
	static final String OPERATIONS_SCOPE = "operations";

	@Bean
	@Order(1)
	SecurityFilterChain authorizationServerSecurityFilterChain(HttpSecurity http,
			AuthorizationServerSettings settings) throws Exception {
		http.oauth2AuthorizationServer((server) -> {
			http.securityMatcher(server.getEndpointsMatcher());
			server.oidc(Customizer.withDefaults());
		});
		// Introspection tells about any token it is given and revocation is rarely needed: only clients
		// configured for them may call them. The endpoint filters run after this check, on the client
		// authenticated by the client-authentication filter.
		http.authorizeHttpRequests((requests) -> requests
			.requestMatchers(PathPatternRequestMatcher.withDefaults().matcher(settings.getTokenIntrospectionEndpoint()))
			.access(clientAllowed(RegisteredClientMapper::mayIntrospect))
			.requestMatchers(PathPatternRequestMatcher.withDefaults().matcher(settings.getTokenRevocationEndpoint()))
			.access(clientAllowed(RegisteredClientMapper::mayRevoke))
			.anyRequest()
			.authenticated());
		// Bearer tokens for the OIDC userinfo endpoint.
		http.oauth2ResourceServer((resourceServer) -> resourceServer.jwt(Customizer.withDefaults()));
		http.exceptionHandling((exceptions) -> exceptions
			.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), loginRedirected(settings)));
		return http.build();
	}

	/**
	 * Anonymous callers get the health status (liveness, readiness) without details; everything else
	 * needs a token of this server with the {@value #OPERATIONS_SCOPE} scope (client credentials).
	 */
	@Bean
	@Order(2)
	SecurityFilterChain actuatorSecurityFilterChain(HttpSecurity http) throws Exception {
		http.securityMatcher(EndpointRequest.toAnyEndpoint());
		http.authorizeHttpRequests((requests) -> requests.requestMatchers(EndpointRequest.to(HealthEndpoint.class))
			.permitAll()
			.anyRequest()
			.hasAuthority("SCOPE_" + OPERATIONS_SCOPE));
		http.oauth2ResourceServer((resourceServer) -> resourceServer.jwt(Customizer.withDefaults()));
		http.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
		http.csrf((csrf) -> csrf.disable());
		return http.build();
	}

	@Bean
	@Order(3)
	SecurityFilterChain defaultSecurityFilterChain(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests((requests) -> requests
			.requestMatchers("/error", "/favicon.ico")
			.permitAll()
			.anyRequest()
			.authenticated());
		// Our own French page (LoginPageController) at the default URL; failures come back to /login?error.
		http.formLogin((form) -> form.loginPage("/login").permitAll());
		return http.build();
	}

	private static AuthorizationManager<RequestAuthorizationContext> clientAllowed(
			Predicate<RegisteredClient> allowed) {
		return (authentication, context) -> new AuthorizationDecision(
				authentication.get() instanceof OAuth2ClientAuthenticationToken client && client.isAuthenticated()
						&& client.getRegisteredClient() != null && allowed.test(client.getRegisteredClient()));
	}

	/**
	 * Requests sent to the login page when unauthenticated: any GET on the authorization endpoint, which
	 * only ever serves user agents (so scripted clients work without an Accept header), and HTML
	 * requests elsewhere.
	 */
	private static RequestMatcher loginRedirected(AuthorizationServerSettings settings) {
		MediaTypeRequestMatcher html = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
		html.setIgnoredMediaTypes(Set.of(MediaType.ALL));
		RequestMatcher authorize = PathPatternRequestMatcher.withDefaults()
			.matcher(HttpMethod.GET, settings.getAuthorizationEndpoint());
		return new OrRequestMatcher(authorize, html);
	}

}
