package fr.centraleachat.support.test;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import fr.centraleachat.support.security.ValidationJeton;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Signs access tokens shaped like the auth server's (roles, membre, siret claims) with a key of the test, and
 * gives the service a decoder that trusts that key only. Import {@link Configuration} in the test.
 */
public final class JetonsDeTest {

    public static final String ISSUER = "http://localhost:9000";
    public static final String AUDIENCE = ValidationJeton.AUDIENCE_PAR_DEFAUT;
    public static final String SIREN_DIJON = "212102313";
    public static final String SIREN_TALANT = "212106173";
    public static final String SIRET_FOURNISSEUR = "73282932000074";

    private static final RSAKey CLE = genererCle();

    private JetonsDeTest() {
    }

    public static String acheteur() {
        return jeton("acheteur", List.of("ACHETEUR"), null, null);
    }

    public static String admin() {
        return jeton("admin", List.of("ADMIN"), null, null);
    }

    public static String agent(String siren) {
        return jeton("agent." + siren, List.of("AGENT"), siren, null);
    }

    public static String fournisseur() {
        return jeton("fournisseur", List.of("FOURNISSEUR"), null, SIRET_FOURNISSEUR);
    }

    public static String jeton(String sujet, List<String> roles, String membre, String siret) {
        return signer(ISSUER, sujet, roles, membre, siret, Instant.now().plusSeconds(900), null);
    }

    /** A client-credentials token: no user roles, only scopes (e.g. {@code data:read}), as the auth server signs it. */
    public static String client(String clientId, String... scopes) {
        return signer(ISSUER, clientId, List.of(), null, null, Instant.now().plusSeconds(900),
                String.join(" ", scopes));
    }

    public static String expire(String sujet, List<String> roles) {
        return signer(ISSUER, sujet, roles, null, null, Instant.now().minusSeconds(60), null);
    }

    public static String autreEmetteur(String sujet, List<String> roles) {
        return signer("http://attaquant.example", sujet, roles, null, null, Instant.now().plusSeconds(900), null);
    }

    /** A token otherwise valid but issued for another resource than the centrale's APIs. */
    public static String autreAudience(String sujet, List<String> roles) {
        return signer(ISSUER, sujet, roles, null, null, Instant.now().plusSeconds(900), null, "autre-api");
    }

    private static String signer(String emetteur, String sujet, List<String> roles, String membre, String siret,
            Instant expiration, String scope) {
        return signer(emetteur, sujet, roles, membre, siret, expiration, scope, AUDIENCE);
    }

    private static String signer(String emetteur, String sujet, List<String> roles, String membre, String siret,
            Instant expiration, String scope, String audience) {
        var claims = new JWTClaimsSet.Builder().issuer(emetteur).subject(sujet).jwtID(UUID.randomUUID().toString())
                .audience(audience)
                .issueTime(new Date()).expirationTime(Date.from(expiration));
        if (!roles.isEmpty()) {
            claims.claim("roles", roles);
        }
        if (scope != null) {
            claims.claim("scope", scope);
        }
        if (membre != null) {
            claims.claim("membre", membre);
        }
        if (siret != null) {
            claims.claim("siret", siret);
        }
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(CLE.getKeyID()).build(),
                    claims.build());
            jwt.sign(new RSASSASigner(CLE));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey genererCle() {
        try {
            return new RSAKeyGenerator(2048).keyID("test").generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {

        @Bean
        @Primary
        JwtDecoder jwtDecoderDeTest() throws JOSEException {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(CLE.toRSAPublicKey()).build();
            decoder.setJwtValidator(ValidationJeton.validateur(ISSUER, AUDIENCE));
            return decoder;
        }
    }
}
