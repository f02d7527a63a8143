package fr.centraleachat.support.idempotence;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Around a POST that carries an {@code Idempotency-Key}: makes its body readable twice (for the
 * {@link IdempotenceInterceptor}'s fingerprint) and keeps its answer, so that once the endpoint has answered the
 * answer is recorded under the key if it is a success, and the key is freed otherwise (a refused or failed request
 * changed nothing, a retry may go through).
 */
class IdempotenceFilter extends OncePerRequestFilter {

    static final int CORPS_ENREGISTRE_MAX = 1024 * 1024;

    private final MagasinIdempotence magasin;

    IdempotenceFilter(MagasinIdempotence magasin) {
        this.magasin = magasin;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        // Uploads are not buffered to fingerprint them: a retried upload is simply a new one (for a pli, the last
        // one filed counts).
        String type = request.getContentType();
        return !"POST".equals(request.getMethod()) || request.getHeader(IdempotenceInterceptor.ENTETE) == null
                || (type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper reponse = new ContentCachingResponseWrapper(response);
        boolean enregistree = false;
        try {
            chain.doFilter(new RequeteRelisible(request), reponse);
            String id = (String) request.getAttribute(IdempotenceInterceptor.ATTRIBUT_RESERVATION);
            if (id != null && reponse.getStatus() / 100 == 2
                    && reponse.getContentSize() <= CORPS_ENREGISTRE_MAX) {
                magasin.terminer(id, new MagasinIdempotence.ReponseEnregistree(reponse.getStatus(),
                        reponse.getContentType(), reponse.getHeader(HttpHeaders.LOCATION),
                        reponse.getContentAsByteArray()));
                enregistree = true;
            }
        } finally {
            String id = (String) request.getAttribute(IdempotenceInterceptor.ATTRIBUT_RESERVATION);
            if (id != null && !enregistree) {
                magasin.liberer(id);
            }
            reponse.copyBodyToResponse();
        }
    }
}
