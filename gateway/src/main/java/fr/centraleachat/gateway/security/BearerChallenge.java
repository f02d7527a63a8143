package fr.centraleachat.gateway.security;

import java.util.ArrayList;
import java.util.List;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.server.resource.BearerTokenError;
import org.springframework.util.StringUtils;

/**
 * Builds the RFC 6750 {@code WWW-Authenticate} value, as Spring Security's own bearer entry point
 * does, since the problem+json body is written by us.
 */
final class BearerChallenge {

	private BearerChallenge() {
	}

	static String of(AuthenticationException exception) {
		List<String> parameters = new ArrayList<>();
		if (exception instanceof OAuth2AuthenticationException oauth2) {
			OAuth2Error error = oauth2.getError();
			parameters.add(parameter("error", error.getErrorCode()));
			if (StringUtils.hasText(error.getDescription())) {
				parameters.add(parameter("error_description", error.getDescription()));
			}
			if (StringUtils.hasText(error.getUri())) {
				parameters.add(parameter("error_uri", error.getUri()));
			}
			if (error instanceof BearerTokenError bearerError && StringUtils.hasText(bearerError.getScope())) {
				parameters.add(parameter("scope", bearerError.getScope()));
			}
		}
		return parameters.isEmpty() ? "Bearer" : "Bearer " + String.join(", ", parameters);
	}

	static String insufficientScope() {
		return "Bearer " + parameter("error", "insufficient_scope") + ", "
				+ parameter("error_description", "The request requires higher privileges than provided by the access token.");
	}

	private static String parameter(String name, String value) {
		// Quotes and backslashes would break the header syntax.
		return name + "=\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}

}
