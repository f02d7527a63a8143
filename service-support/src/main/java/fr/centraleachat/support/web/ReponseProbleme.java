package fr.centraleachat.support.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/** Writes a problem straight to the servlet response, for the filters that answer before Spring MVC. */
public final class ReponseProbleme {

    private ReponseProbleme() {
    }

    public static void ecrire(JsonMapper json, HttpServletResponse response, ProblemDetail probleme) throws IOException {
        response.setStatus(probleme.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        String correlation = CorrelationId.courant();
        if (correlation != null && !response.containsHeader(CorrelationId.HEADER)) {
            response.setHeader(CorrelationId.HEADER, correlation);
        }
        // Written as a map: the problem's extra properties sit at the top level, as RFC 9457 has them.
        var corps = new java.util.LinkedHashMap<String, Object>();
        corps.put("type", probleme.getType().toString());
        corps.put("title", probleme.getTitle());
        corps.put("status", probleme.getStatus());
        corps.put("detail", probleme.getDetail());
        if (probleme.getProperties() != null) {
            corps.putAll(probleme.getProperties());
        }
        json.writeValue(response.getOutputStream(), corps);
    }
}
