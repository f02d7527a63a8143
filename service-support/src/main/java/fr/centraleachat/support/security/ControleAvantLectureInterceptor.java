package fr.centraleachat.support.security;

import fr.centraleachat.support.web.CorpsInattenduException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import fr.centraleachat.kernel.ValeurInvalideException;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Runs once the endpoint is known and before its arguments are resolved, that is before the body is read:
 * a caller whose roles the endpoint's {@link RolesAutorises} refuses gets a 403 whatever it sent, and an endpoint
 * that takes no body refuses a request that carries one (a typo in a client must not pass unnoticed).
 */
class ControleAvantLectureInterceptor implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod methode)) {
            return true;
        }
        RolesAutorises roles = methode.getMethodAnnotation(RolesAutorises.class);
        if (roles == null) {
            roles = methode.getBeanType().getAnnotation(RolesAutorises.class);
        }
        if (roles != null && !autorise(roles, SecurityContextHolder.getContext().getAuthentication())) {
            throw new AccessDeniedException("role not allowed on " + request.getRequestURI());
        }
        verifierEnumsExactes(request, methode);
        if (aUnCorps(request) && Arrays.stream(methode.getMethodParameters())
                .noneMatch(p -> p.hasParameterAnnotation(RequestBody.class)
                        || p.hasParameterAnnotation(org.springframework.web.bind.annotation.RequestPart.class))) {
            throw new CorpsInattenduException();
        }
        return true;
    }

    /** Spring trims enum names in query parameters; " NONE " is refused there as it is in a body. */
    private static void verifierEnumsExactes(HttpServletRequest request, HandlerMethod methode) {
        for (var parametre : methode.getMethodParameters()) {
            RequestParam annotation = parametre.getParameterAnnotation(RequestParam.class);
            Class<?> type = parametre.nestedIfOptional().getNestedParameterType();
            if (annotation == null || !type.isEnum()) {
                continue;
            }
            String nom = !annotation.name().isEmpty() ? annotation.name() : parametre.getParameterName();
            String[] valeurs = nom == null ? null : request.getParameterValues(nom);
            if (valeurs == null) {
                continue;
            }
            for (String valeur : valeurs) {
                if (!valeur.equals(valeur.strip())) {
                    throw new ValeurInvalideException(nom, "Valeur inconnue ; valeurs acceptées : "
                            + Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name())
                                    .collect(Collectors.joining(", ")) + ".");
                }
            }
        }
    }

    static boolean autorise(RolesAutorises roles, Authentication authentification) {
        if (authentification == null) {
            return false;
        }
        Set<String> autorites = authentification.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .collect(Collectors.toSet());
        return Arrays.stream(roles.value()).anyMatch(r -> autorites.contains(r.authority()))
                || Arrays.stream(roles.scopes()).anyMatch(s -> autorites.contains("SCOPE_" + s));
    }

    private static boolean aUnCorps(HttpServletRequest request) {
        return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
    }
}
