package fr.centraleachat.gateway.security;

import fr.centraleachat.gateway.correlation.CorrelationId;
import fr.centraleachat.gateway.problem.ProblemResponseWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * A token that could not be checked (auth server unreachable) is not the client's fault: 503 with
 * Retry-After rather than 401 or 500. Every other failure is a 401.
 */
@Component
public class ProblemAuthenticationFailureHandler implements ServerAuthenticationFailureHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemAuthenticationFailureHandler.class);

	static final long RETRY_AFTER_SECONDS = 5;

	private final ProblemAuthenticationEntryPoint entryPoint;

	private final ProblemResponseWriter writer;

	public ProblemAuthenticationFailureHandler(ProblemAuthenticationEntryPoint entryPoint,
			ProblemResponseWriter writer) {
		this.entryPoint = entryPoint;
		this.writer = writer;
	}

	@Override
	public Mono<Void> onAuthenticationFailure(WebFilterExchange webFilterExchange, AuthenticationException exception) {
		ServerWebExchange exchange = webFilterExchange.getExchange();
		if (!(exception instanceof AuthenticationServiceException)) {
			return entryPoint.commence(exchange, exception);
		}
		CorrelationId.withMdc(exchange,
				() -> log.warn("Token could not be validated: {}", rootMessage(exception)));
		return writer.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "Service d'authentification indisponible",
				"Le jeton d'accès n'a pas pu être vérifié car le serveur d'authentification est momentanément "
						+ "injoignable. Veuillez réessayer dans quelques instants.",
				headers -> headers.set(HttpHeaders.RETRY_AFTER, Long.toString(RETRY_AFTER_SECONDS)));
	}

	private static String rootMessage(Throwable exception) {
		Throwable root = exception;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getClass().getSimpleName() + ": " + root.getMessage();
	}

}
