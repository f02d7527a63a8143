package fr.centraleachat.gateway.problem;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import fr.centraleachat.gateway.correlation.CorrelationId;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Writes RFC 9457 {@code application/problem+json} bodies for the errors the gateway produces itself,
 * outside of any controller, with the same {@code type} URIs and properties as the services' problems.
 */
@Component
public class ProblemResponseWriter {

	private static final String TYPE_PREFIX = "urn:centrale-achat:probleme:";

	private final JsonMapper jsonMapper;

	public ProblemResponseWriter(JsonMapper jsonMapper) {
		this.jsonMapper = jsonMapper;
	}

	public Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String title, String detail,
			Consumer<HttpHeaders> extraHeaders) {
		ServerHttpResponse response = exchange.getResponse();
		if (response.isCommitted()) {
			// Part of another answer already left: nothing sensible can be added.
			return Mono.empty();
		}
		byte[] body = body(status, title, detail, CorrelationId.originalPath(exchange), CorrelationId.of(exchange));
		response.setStatusCode(status);
		HttpHeaders headers = response.getHeaders();
		// Headers a service or a previous attempt may have set describe another body.
		headers.remove(HttpHeaders.CONTENT_ENCODING);
		headers.remove(HttpHeaders.TRANSFER_ENCODING);
		headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		headers.setContentLength(body.length);
		extraHeaders.accept(headers);
		if (HttpMethod.HEAD.equals(exchange.getRequest().getMethod())) {
			return response.setComplete();
		}
		DataBuffer buffer = response.bufferFactory().wrap(body);
		return response.writeWith(Mono.just(buffer));
	}

	/** The JSON document alone, for answers written below Spring (Netty rejections). */
	public byte[] body(HttpStatus status, String title, String detail, @Nullable String instance,
			@Nullable String correlationId) {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", TYPE_PREFIX + slug(status));
		problem.put("title", title);
		problem.put("status", status.value());
		problem.put("detail", detail);
		if (instance != null) {
			problem.put("instance", instance);
		}
		if (correlationId != null) {
			problem.put("correlationId", correlationId);
		}
		return jsonMapper.writeValueAsString(problem).getBytes(StandardCharsets.UTF_8);
	}

	/** Same slugs as the services' problems; the statuses only the gateway answers get their own. */
	static String slug(HttpStatus status) {
		// By code: 413 has two constants (PAYLOAD_TOO_LARGE, CONTENT_TOO_LARGE).
		return switch (status.value()) {
			case 400 -> "requete-invalide";
			case 401 -> "authentification-requise";
			case 403 -> "acces-refuse";
			case 404 -> "introuvable";
			case 405 -> "methode-non-autorisee";
			case 406 -> "format-de-reponse-non-disponible";
			case 409 -> "conflit";
			case 413 -> "requete-trop-volumineuse";
			case 414 -> "uri-trop-longue";
			case 415 -> "type-de-contenu-non-supporte";
			case 429 -> "trop-de-requetes";
			case 431 -> "en-tetes-trop-volumineux";
			case 503 -> "service-indisponible";
			case 504 -> "issue-inconnue";
			default -> status.is5xxServerError() ? "erreur-interne" : "erreur";
		};
	}

}
