package fr.centraleachat.gateway.security;

import fr.centraleachat.gateway.problem.ProblemResponseWriter;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Answers 401 with a French problem+json body and the bearer challenge.
 */
@Component
public class ProblemAuthenticationEntryPoint implements ServerAuthenticationEntryPoint {

	private final ProblemResponseWriter writer;

	public ProblemAuthenticationEntryPoint(ProblemResponseWriter writer) {
		this.writer = writer;
	}

	@Override
	public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException exception) {
		String detail = (exception instanceof OAuth2AuthenticationException)
				? "Le jeton d'accès fourni est invalide ou a expiré. Reconnectez-vous pour en obtenir un nouveau."
				: "Un jeton d'accès valide est requis pour accéder à cette ressource.";
		String challenge = BearerChallenge.of(exception);
		return writer.write(exchange, HttpStatus.UNAUTHORIZED, "Authentification requise", detail,
				headers -> headers.set(HttpHeaders.WWW_AUTHENTICATE, challenge));
	}

}
