package fr.centraleachat.support.security;

import java.util.Optional;
import org.springframework.core.MethodParameter;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Lets controller methods declare an {@link Acteur} parameter (a token is required), or an {@code Optional<Acteur>}
 * on the public reads ({@code centrale.securite.lectures-publiques}): empty for an anonymous caller.
 */
public class ActeurArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return Acteur.class.equals(parameter.getParameterType()) || (Optional.class.equals(parameter.getParameterType())
                && Acteur.class.equals(parameter.nestedIfOptional().getNestedParameterType()));
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
            NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        Optional<Acteur> acteur = authentication instanceof JwtAuthenticationToken jwt
                ? Optional.of(Acteur.depuis(jwt.getToken())) : Optional.empty();
        if (Optional.class.equals(parameter.getParameterType())) {
            return acteur;
        }
        return acteur.orElseThrow(() -> new AccessDeniedException("No JWT authentication"));
    }
}
