package fr.centraleachat.support.security;

import java.util.List;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;

/**
 * What a service checks on every access token besides its signature: issuer, validity dates, and an audience
 * naming the centrale's APIs (a token the authorization server issued for another resource is refused).
 */
public final class ValidationJeton {

    public static final String AUDIENCE_PAR_DEFAUT = "centrale-api";

    private ValidationJeton() {
    }

    public static OAuth2TokenValidator<Jwt> validateur(String emetteur, String audience) {
        return new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(emetteur),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD, aud -> aud != null && aud.contains(audience)));
    }
}
