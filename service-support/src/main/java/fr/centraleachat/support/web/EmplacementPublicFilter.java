package fr.centraleachat.support.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The {@code Location} of a created resource names it at the public address of the centrale (the gateway), from
 * configuration: never the service's own address, nor a host a caller put in its {@code Host} header.
 */
public class EmplacementPublicFilter extends OncePerRequestFilter {

    private final String base;

    public EmplacementPublicFilter(URI urlPublique) {
        String texte = urlPublique.toString();
        this.base = texte.endsWith("/") ? texte.substring(0, texte.length() - 1) : texte;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, new HttpServletResponseWrapper(response) {
            @Override
            public void setHeader(String nom, String valeur) {
                super.setHeader(nom, reecrire(nom, valeur));
            }

            @Override
            public void addHeader(String nom, String valeur) {
                super.addHeader(nom, reecrire(nom, valeur));
            }
        });
    }

    String reecrire(String nom, String valeur) {
        if (valeur == null || !HttpHeaders.LOCATION.equalsIgnoreCase(nom)) {
            return valeur;
        }
        URI uri = URI.create(valeur);
        String chemin = uri.getRawPath() == null ? "" : uri.getRawPath();
        return base + chemin + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }
}
