package fr.centraleachat.support.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every service is an OAuth2 resource server, even behind the gateway: a request that reaches it directly without
 * a valid token is refused. Roles come from the {@code roles} claim, scopes from {@code scope}.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration")
@EnableWebSecurity
@EnableMethodSecurity
public class SecuriteAutoConfiguration {

    /** Anonymous callers see whether a service is up and its API documents, nothing more. */
    static final String[] PUBLIC = {
        "/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness",
        "/v3/api-docs", "/v3/api-docs/**", "/error"
    };

    /**
     * Property listing the paths a service lets anyone read (GET only, no token needed), e.g. the published tender
     * documents
     * ({@code /api/marche/consultations/{id}/documents}, written with a {@code *} for the id in the property). The endpoint
     * itself decides what an anonymous caller sees (it takes an {@code Optional<Acteur>}, empty for anonymous
     * callers); a request that carries a token still has it checked, so an invalid one is a 401 there too.
     */
    public static final String LECTURES_PUBLIQUES = "centrale.securite.lectures-publiques";

    /** Operators: an administrator, or a monitoring client given this scope. */
    public static final String SCOPE_OPERATIONS = "operations";

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain centraleSecurityFilterChain(HttpSecurity http, JsonMapper json, Environment environnement)
            throws Exception {
        var entryPoint = ProblemeSecuriteHandlers.authentificationRequise(json);
        var accessDenied = ProblemeSecuriteHandlers.accesRefuse(json);
        String[] lecturesPubliques = lecturesPubliques(environnement);
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> {
                    auth.requestMatchers(PUBLIC).permitAll();
                    if (lecturesPubliques.length > 0) {
                        auth.requestMatchers(HttpMethod.GET, lecturesPubliques).permitAll();
                    }
                    auth.requestMatchers("/actuator/**").hasAnyAuthority(Role.ADMIN.authority(), "SCOPE_" + SCOPE_OPERATIONS)
                            .anyRequest().authenticated();
                })
                .oauth2ResourceServer(oauth -> oauth
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(jwtAuthenticationConverter()))
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(accessDenied))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(entryPoint).accessDeniedHandler(accessDenied));
        return http.build();
    }

    /** The public read paths the service declares; each must be absolute and name an API path, never a wildcard root. */
    static String[] lecturesPubliques(Environment environnement) {
        List<String> chemins = Binder.get(environnement).bind(LECTURES_PUBLIQUES, Bindable.listOf(String.class))
                .orElse(List.of());
        for (String chemin : chemins) {
            if (!chemin.startsWith("/api/") || chemin.startsWith("/api/**")) {
                throw new IllegalStateException(LECTURES_PUBLIQUES + ": « " + chemin + " » must be a path under /api/"
                        + " naming the readable resources, not a whole tree");
            }
        }
        return chemins.toArray(String[]::new);
    }

    /** Keys fetched lazily from the auth server, so a service starts before it; see {@link ValidationJeton}. */
    @Bean
    @ConditionalOnMissingBean(JwtDecoder.class)
    JwtDecoder centraleJwtDecoder(
            @Value("${spring.security.oauth2.resourceserver.jwt.jwk-set-uri}") String jwkSetUri,
            @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri}") String emetteur,
            @Value("${centrale.securite.audience:" + ValidationJeton.AUDIENCE_PAR_DEFAUT + "}") String audience) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(jwkSetUri).build();
        decoder.setJwtValidator(ValidationJeton.validateur(emetteur, audience));
        return decoder;
    }

    static JwtAuthenticationConverter jwtAuthenticationConverter() {
        JwtGrantedAuthoritiesConverter scopes = new JwtGrantedAuthoritiesConverter();
        JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName(Acteur.CLAIM_ROLES);
        roles.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(jwt -> {
            Collection<GrantedAuthority> authorities = new ArrayList<>(scopes.convert(jwt));
            if (jwt.hasClaim(Acteur.CLAIM_ROLES)) {
                authorities.addAll(roles.convert(jwt));
            }
            return authorities;
        });
        return converter;
    }

    @Bean
    WebMvcConfigurer acteurArgumentResolverConfigurer() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new ActeurArgumentResolver());
            }

            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new ControleAvantLectureInterceptor());
            }
        };
    }

}
