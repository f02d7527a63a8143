package fr.centraleachat.gateway.security;

import fr.centraleachat.gateway.problem.ProblemResponseWriter;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Answers 403 with a French problem+json body.
 */
@Component
public class ProblemAccessDeniedHandler implements ServerAccessDeniedHandler {

	private final ProblemResponseWriter writer;

	public ProblemAccessDeniedHandler(ProblemResponseWriter writer) {
		this.writer = writer;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
		return writer.write(exchange, HttpStatus.FORBIDDEN, "Accès refusé",
				"Vos droits ne permettent pas d'accéder à cette ressource.",
				headers -> headers.set(HttpHeaders.WWW_AUTHENTICATE, BearerChallenge.insufficientScope()));
	}

}
