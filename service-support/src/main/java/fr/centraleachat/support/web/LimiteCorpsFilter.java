package fr.centraleachat.support.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bounds every request body, whether the request comes through the gateway or straight to the service: a declared
 * length above the limit is refused before anything is read, and a chunked body is counted as it is read and cut
 * at the limit. Either way the caller gets a 413 problem and the process never holds more than the limit.
 * A multipart upload has its own, larger limit (its parts are spooled to disk by the container, never held in
 * memory); only the services that take uploads raise it.
 */
public class LimiteCorpsFilter extends OncePerRequestFilter {

    private final long limite;
    private final long limiteTeleversement;
    private final JsonMapper json;

    public LimiteCorpsFilter(long limite, long limiteTeleversement, JsonMapper json) {
        this.limite = limite;
        this.limiteTeleversement = Math.max(limite, limiteTeleversement);
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        long max = type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")
                ? limiteTeleversement : limite;
        if (request.getContentLengthLong() > max) {
            refuser(response, max);
            return;
        }
        chain.doFilter(new RequeteBornee(request, max), response);
    }

    private void refuser(HttpServletResponse response, long max) throws IOException {
        // The unread body is not worth draining: close the connection once answered.
        response.setHeader("Connection", "close");
        ReponseProbleme.ecrire(json, response, probleme(max));
    }

    static org.springframework.http.ProblemDetail probleme(long limite) {
        return Problemes.probleme(HttpStatus.CONTENT_TOO_LARGE, "Requête trop volumineuse",
                "Le corps de la requête dépasse la taille maximale acceptée (" + limite / 1024 + " Kio).");
    }

    private static final class RequeteBornee extends HttpServletRequestWrapper {

        private final long limite;
        private ServletInputStream flux;

        RequeteBornee(HttpServletRequest request, long limite) {
            super(request);
            this.limite = limite;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (flux == null) {
                flux = new FluxCompte(super.getInputStream(), limite);
            }
            return flux;
        }
    }

    private static final class FluxCompte extends ServletInputStream {

        private final ServletInputStream source;
        private final long limite;
        private long lus;

        FluxCompte(ServletInputStream source, long limite) {
            this.source = source;
            this.limite = limite;
        }

        @Override
        public int read() throws IOException {
            int octet = source.read();
            if (octet >= 0) {
                compter(1);
            }
            return octet;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = source.read(b, off, len);
            if (n > 0) {
                compter(n);
            }
            return n;
        }

        private void compter(int n) throws CorpsTropVolumineuxException {
            lus += n;
            if (lus > limite) {
                throw new CorpsTropVolumineuxException(limite);
            }
        }

        @Override
        public boolean isFinished() {
            return source.isFinished();
        }

        @Override
        public boolean isReady() {
            return source.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            source.setReadListener(listener);
        }
    }
}
