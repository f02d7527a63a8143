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

	public static String forSubject(String subject) {
		return sign(KEY, ISSUER, subject);
	}

	public static String withIssuer(String issuer, String subject) {
		return sign(KEY, issuer, subject);
	}

	/** Same key id, other key: the signature cannot be verified. */
	public static String signedByForeignKey(String subject) {
		return sign(FOREIGN_KEY, ISSUER, subject);
	}

	/** Key id absent from the cached key set: the gateway has to fetch the keys again. */
	public static String signedByRotatedKey(String subject) {
		return sign(ROTATED_KEY, ISSUER, subject);
	}

	private static String sign(RSAKey key, String issuer, String subject) {
		Instant now = Instant.now();
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer)
			.subject(subject)
			.claim("azp", "centrale-web")
			.claim("scope", "openid")
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plusSeconds(300)))
			.build();
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
