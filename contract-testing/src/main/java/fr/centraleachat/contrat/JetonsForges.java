package fr.centraleachat.contrat;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Tokens an attacker can make without the authorization server's key: signed with a key of its own, or not signed
 * at all ({@code alg: none}). Their claims are the strongest there are (administrator, the right issuer and
 * audience), so a service that accepts one leaks everything.
 */
public final class JetonsForges {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final KeyPair CLE_ATTAQUANT = genererCle();

    private JetonsForges() {
    }

    /** RS256 with a key the service does not trust, under the key id the real key may have. */
    public static String signeParUneAutreCle(String emetteur, String audience, String keyId, List<String> roles) {
        String entete = encoder(JSON.createObjectNode().put("alg", "RS256").put("kid", keyId).put("typ", "JWT"));
        String contenu = encoder(claims(emetteur, audience, roles));
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(CLE_ATTAQUANT.getPrivate());
            signature.update((entete + "." + contenu).getBytes(StandardCharsets.US_ASCII));
            return entete + "." + contenu + "." + BASE64URL.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An unsigned token: header {@code alg: none}, empty signature. */
    public static String algNone(String emetteur, String audience, List<String> roles) {
        String entete = encoder(JSON.createObjectNode().put("alg", "none").put("typ", "JWT"));
        return entete + "." + encoder(claims(emetteur, audience, roles)) + ".";
    }

    /** Not a JWT at all. */
    public static String illisible() {
        return "pas-un-jeton";
    }

    private static ObjectNode claims(String emetteur, String audience, List<String> roles) {
        long maintenant = Instant.now().getEpochSecond();
        ObjectNode claims = JSON.createObjectNode().put("iss", emetteur).put("sub", "attaquant")
                .put("jti", UUID.randomUUID().toString()).put("iat", maintenant).put("nbf", maintenant)
                .put("exp", maintenant + 900);
        claims.putArray("aud").add(audience);
        var liste = claims.putArray("roles");
        roles.forEach(liste::add);
        return claims;
    }

    private static String encoder(ObjectNode noeud) {
        return BASE64URL.encodeToString(noeud.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static KeyPair genererCle() {
        try {
            KeyPairGenerator generateur = KeyPairGenerator.getInstance("RSA");
            generateur.initialize(2048);
            return generateur.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
