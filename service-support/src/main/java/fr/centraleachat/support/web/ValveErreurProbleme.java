package fr.centraleachat.support.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Tomcat's own error answers (a request it refuses before the application sees it: a malformed request line, an
 * invalid character in the path, headers too large) written as French problem+json instead of Tomcat's HTML page.
 */
public class ValveErreurProbleme extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable erreur) {
        int code = response.getStatus();
        if (code < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        HttpStatus statut = HttpStatus.resolve(code);
        if (statut == null) {
            statut = HttpStatus.BAD_REQUEST;
        }
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer sortie = response.getReporter();
            if (sortie != null) {
                sortie.write("{\"type\":\"urn:centrale-achat:probleme:" + (statut.is5xxServerError() ? "erreur-interne"
                        : "requete-refusee") + "\",\"title\":\"" + Problemes.titre(statut) + "\",\"status\":" + code
                        + ",\"detail\":\"" + Problemes.detail(statut) + "\"}");
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The connection is gone or the response already committed: nothing more can be said to the client.
        }
    }
}
