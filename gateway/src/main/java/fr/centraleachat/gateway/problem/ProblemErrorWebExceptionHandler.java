package fr.centraleachat.gateway.problem;

import java.util.Set;

import fr.centraleachat.gateway.correlation.CorrelationId;
import fr.centraleachat.gateway.routing.BodyTooLargeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

/**
 * Every error that reaches WebFlux (unknown route, method not allowed, oversized body, unexpected
 * failure) is answered in French problem+json, ahead of Boot's default JSON error page (order -1).
 */
@Component
@Order(-2)
public class ProblemErrorWebExceptionHandler implements WebExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemErrorWebExceptionHandler.class);

	private final ProblemResponseWriter writer;

	public ProblemErrorWebExceptionHandler(ProblemResponseWriter writer) {
		this.writer = writer;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		if (exchange.getResponse().isCommitted()) {
			return Mono.error(ex);
		}
		BodyTooLargeException tooLarge = BodyTooLargeException.findIn(ex);
		if (tooLarge != null) {
			return writer.write(exchange, HttpStatus.CONTENT_TOO_LARGE, "Requête trop volumineuse",
					tooLarge.frenchDetail(), headers -> headers.set(HttpHeaders.CONNECTION, "close"));
		}
		if (ex instanceof DataBufferLimitException) {
			return writer.write(exchange, HttpStatus.CONTENT_TOO_LARGE, "Requête trop volumineuse",
					"Le corps de la requête dépasse la taille acceptée.", headers -> {
					});
		}
		if (ex instanceof MethodNotAllowedException notAllowed) {
			Set<HttpMethod> allowed = notAllowed.getSupportedMethods();
			return writer.write(exchange, HttpStatus.METHOD_NOT_ALLOWED, "Méthode non autorisée",
					"La méthode " + exchange.getRequest().getMethod().name()
							+ " n'est pas acceptée pour cette ressource.",
					headers -> headers.setAllow(allowed));
		}
		if (ex instanceof ResponseStatusException statusException) {
			HttpStatus status = HttpStatus.resolve(statusException.getStatusCode().value());
			if (status != null && status.is4xxClientError()) {
				return writer.write(exchange, status, title(status), detail(status, statusException),
						headers -> headers.addAll(statusException.getHeaders()));
			}
		}
		CorrelationId.withMdc(exchange, () -> log.error("Unexpected failure on {} {}",
				exchange.getRequest().getMethod().name(), CorrelationId.originalPath(exchange), ex));
		return writer.write(exchange, HttpStatus.INTERNAL_SERVER_ERROR, "Erreur interne",
				"Une erreur inattendue est survenue. Si elle persiste, communiquez l'identifiant de corrélation "
						+ "au support.",
				headers -> {
				});
	}

	private static String title(HttpStatus status) {
		return switch (status.value()) {
			case 400 -> "Requête invalide";
			case 404 -> "Ressource introuvable";
			case 406 -> "Format de réponse non disponible";
			case 413 -> "Requête trop volumineuse";
			case 415 -> "Type de contenu non supporté";
			default -> "Requête refusée";
		};
	}

	private static String detail(HttpStatus status, ResponseStatusException ex) {
		return switch (status.value()) {
			case 404 -> "Aucune ressource ne correspond à cette adresse.";
			case 406 -> "Le format de réponse demandé n'est pas disponible.";
			case 413 -> "Le corps de la requête dépasse la taille acceptée.";
			case 415 -> "Le type de contenu de la requête n'est pas accepté.";
			default -> StringUtils.hasText(ex.getReason()) && status.value() != 400
					? "La requête a été refusée (" + status.value() + ")."
					: "La requête est mal formée.";
		};
	}

}
