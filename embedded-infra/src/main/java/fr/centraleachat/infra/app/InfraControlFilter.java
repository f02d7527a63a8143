package fr.centraleachat.infra.app;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards the control endpoints: callers on this machine only, and with a custom header, which a web
 * page cannot make a browser send to another origin (no CORS here), so a visited site cannot stop the
 * broker through the developer's browser.
 */
class InfraControlFilter extends OncePerRequestFilter {

    static final String HEADER = "X-Centrale-Control";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!isLoopback(request.getRemoteAddr()) || request.getHeader(HEADER) == null) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN,
                    "Control endpoints answer loopback callers sending " + HEADER + " only");
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean isLoopback(String address) {
        if (address == null || address.isBlank()) {
            return false;
        }
        try {
            // A literal address from the servlet container: no name lookup happens.
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
