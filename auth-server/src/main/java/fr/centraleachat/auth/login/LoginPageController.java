package fr.centraleachat.auth.login;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.http.MediaType;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.HtmlUtils;

/**
 * The sign-in page, in French. Spring Security's default page always says "Invalid credentials"; this
 * one tells a locked account or address apart, and when to try again.
 */
@Controller
public class LoginPageController {

	static final String REFUSED = "Connexion refusée.";

	@GetMapping(path = "/login", produces = MediaType.TEXT_HTML_VALUE + ";charset=UTF-8")
	@ResponseBody
	public String loginPage(HttpServletRequest request) {
		String alert = "";
		if (request.getParameter("error") != null) {
			alert = "<p class=\"erreur\" role=\"alert\">" + escape(errorMessage(request)) + "</p>\n";
		}
		else if (request.getParameter("logout") != null) {
			alert = "<p role=\"status\">Vous êtes déconnecté.</p>\n";
		}
		CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
		String csrfField = (csrf != null) ? "<input type=\"hidden\" name=\"" + escape(csrf.getParameterName())
				+ "\" value=\"" + escape(csrf.getToken()) + "\">\n" : "";
		return """
				<!DOCTYPE html>
				<html lang="fr">
				<head>
				<meta charset="utf-8">
				<meta name="viewport" content="width=device-width, initial-scale=1">
				<title>Connexion – Centrale d'achat</title>
				<style>body{font-family:sans-serif;max-width:24rem;margin:4rem auto}label,input,button{display:block;width:100%%;margin:.3rem 0}.erreur{color:#b00020}</style>
				</head>
				<body>
				<h1>Centrale d'achat</h1>
				<form method="post" action="%s">
				%s<label for="username">Identifiant</label>
				<input type="text" id="username" name="username" autocomplete="username" required autofocus>
				<label for="password">Mot de passe</label>
				<input type="password" id="password" name="password" autocomplete="current-password" required>
				%s<button type="submit">Se connecter</button>
				</form>
				</body>
				</html>
				""".formatted(escape(request.getContextPath() + "/login"), alert, csrfField);
	}

	// With an encoding, only markup characters are escaped: accents stay readable in the UTF-8 page.
	private static String escape(String text) {
		return HtmlUtils.htmlEscape(text, "UTF-8");
	}

	private static String errorMessage(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		Object error = (session != null) ? session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION) : null;
		// Only our own messages are shown: others may be in English or say more than a stranger should know.
		if (error instanceof LoginLockedException || (error instanceof BadCredentialsException bad
				&& ThrottledAuthenticationProvider.BAD_CREDENTIALS.equals(bad.getMessage()))) {
			return ((AuthenticationException) error).getMessage();
		}
		return REFUSED;
	}

}
