package fr.centraleachat.support.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the servlet container forwards to {@code /error} (an error raised outside Spring MVC, e.g. in a filter, or
 * {@code /error} called directly) answered like every other error: a French problem, never Boot's default page.
 */
@RestController
@io.swagger.v3.oas.annotations.Hidden
public class ProblemeErrorController implements ErrorController {

    @RequestMapping(path = "${server.error.path:/error}", produces = {MediaType.APPLICATION_PROBLEM_JSON_VALUE,
            MediaType.APPLICATION_JSON_VALUE, MediaType.ALL_VALUE})
    ResponseEntity<ProblemDetail> erreur(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus statut = code instanceof Integer c ? HttpStatus.resolve(c) : null;
        if (statut == null) {
            // /error called by a client: there is no error to describe.
            statut = HttpStatus.NOT_FOUND;
        }
        ProblemDetail probleme = Problemes.probleme(statut, Problemes.titre(statut), Problemes.detail(statut));
        return ResponseEntity.status(statut).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(probleme);
    }
}
