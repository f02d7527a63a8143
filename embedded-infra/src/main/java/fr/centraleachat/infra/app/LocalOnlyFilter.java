package fr.centraleachat.infra.app;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards the read-only mail list: callers on this machine only, like the control endpoints. No custom header is
 * required, so a person can open it in a browser; instead the {@code Host} must be a loopback name, so a page whose
 * domain was re-pointed at 127.0.0.1 (DNS rebinding) cannot read the mails through the developer's browser. Other
 * sites cannot read the answers anyway (no CORS here).
 */
class LocalOnlyFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!InfraControlFilter.isLoopback(request.getRemoteAddr()) || !isLoopbackName(request.getServerName())) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "Mails are shown to loopback callers only");
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean isLoopbackName(String host) {
        if (host == null) {
            return false;
        }
        String name = host.toLowerCase(Locale.ROOT);
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
        }
        return name.equals("localhost") || name.equals("::1") || name.matches("127(\\.\\d{1,3}){3}");
    }
}
