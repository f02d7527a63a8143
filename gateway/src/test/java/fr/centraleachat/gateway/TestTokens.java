package fr.centraleachat.gateway;

import java.time.Instant;
import java.util.Date;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Access tokens signed with a throw-away RSA key whose public half the stub serves as JWKS.
 */
public final class TestTokens {

	public static final String ISSUER = "http://auth.test:9000";

	private static final RSAKey KEY = generate("test-key");

	private static final RSAKey FOREIGN_KEY = generate("test-key");

	private static final RSAKey ROTATED_KEY = generate("rotated-key");

	private TestTokens() {
	}

	public static RSAKey publicKey() {
		return KEY.toPublicJWK();
	}

	public static final String AUDIENCE = "centrale-api";

	public static String forSubject(String subject) {
		return sign(KEY, claims(ISSUER, subject).build());
	}

	public static String withIssuer(String issuer, String subject) {
		return sign(KEY, claims(issuer, subject).build());
	}

	/** A token issued for another API: valid signature and issuer, but not our audience. */
	public static String withAudience(String audience, String subject) {
		return sign(KEY, claims(ISSUER, subject).audience(audience).build());
	}

	public static String withoutAudience(String subject) {
		return sign(KEY, claims(ISSUER, subject).audience((String) null).build());
	}

	public static String withRoles(String subject, String... roles) {
		return sign(KEY, claims(ISSUER, subject).claim("roles", java.util.List.of(roles)).build());
	}

	public static String withScope(String subject, String scope) {
		return sign(KEY, claims(ISSUER, subject).claim("scope", scope).build());
	}

	/** Same key id, other key: the signature cannot be verified. */
	public static String signedByForeignKey(String subject) {
		return sign(FOREIGN_KEY, claims(ISSUER, subject).build());
	}

	/** Key id absent from the cached key set: the gateway has to fetch the keys again. */
	public static String signedByRotatedKey(String subject) {
		return sign(ROTATED_KEY, claims(ISSUER, subject).build());
	}

	private static JWTClaimsSet.Builder claims(String issuer, String subject) {
		Instant now = Instant.now();
		return new JWTClaimsSet.Builder().issuer(issuer)
			.subject(subject)
			.audience(AUDIENCE)
			.claim("azp", "centrale-web")
			.claim("scope", "openid")
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plusSeconds(300)));
	}

	private static String sign(RSAKey key, JWTClaimsSet claims) {
		try {
			SignedJWT jwt = new SignedJWT(
					new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(),
					claims);
			jwt.sign(new RSASSASigner(key));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static RSAKey generate(String keyId) {
		try {
			return new RSAKeyGenerator(2048).keyID(keyId).generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
