package fr.centraleachat.auth.jwk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the RSA signing key in a JWK set file, so that tokens signed before a restart still verify
 * after it. The file is created on first use and only read afterwards.
 */
public final class JwkFileStore {

	static final int KEY_SIZE = 2048;

	private static final Logger log = LoggerFactory.getLogger(JwkFileStore.class);

	private JwkFileStore() {
	}

	/**
	 * Returns the signing key stored at {@code path}, generating and storing one if the file does not
	 * exist.
	 */
	public static RSAKey loadOrCreate(Path path) {
		if (Files.exists(path)) {
			return load(path);
		}
		RSAKey key = generate();
		try {
			write(path, key);
			log.info("Generated signing key {} in {}", key.getKeyID(), path.toAbsolutePath());
			return key;
		}
		catch (FileAlreadyExistsException ex) {
			// Another instance sharing the data directory won the race: use its key.
			return load(path);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write signing key to " + path.toAbsolutePath(), ex);
		}
	}

	static RSAKey load(Path path) {
		try {
			JWKSet set = JWKSet.load(path.toFile());
			for (JWK jwk : set.getKeys()) {
				if (jwk instanceof RSAKey rsa && rsa.isPrivate()) {
					log.info("Using signing key {} from {}", rsa.getKeyID(), path.toAbsolutePath());
					return rsa;
				}
			}
			throw new IllegalStateException("No RSA private key in " + path.toAbsolutePath());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read signing key from " + path.toAbsolutePath(), ex);
		}
		catch (ParseException ex) {
			throw new IllegalStateException("Invalid JWK set in " + path.toAbsolutePath(), ex);
		}
	}

	static RSAKey generate() {
		try {
			return new RSAKeyGenerator(KEY_SIZE).keyID(UUID.randomUUID().toString())
				.keyUse(KeyUse.SIGNATURE)
				.algorithm(JWSAlgorithm.RS256)
				.generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Cannot generate RSA signing key", ex);
		}
	}

	private static void write(Path path, RSAKey key) throws IOException {
		Path dir = path.toAbsolutePath().getParent();
		Files.createDirectories(dir);
		Path tmp = Files.createTempFile(dir, ".jwk", ".tmp");
		try {
			restrictToOwner(tmp);
			// toString(false) keeps the private part: this file is the key, not a public JWK set.
			Files.writeString(tmp, new JWKSet(key).toString(false), StandardCharsets.UTF_8);
			// No REPLACE_EXISTING: never overwrite a key that tokens may already be signed with.
			Files.move(tmp, path);
		}
		finally {
			Files.deleteIfExists(tmp);
		}
	}

	private static void restrictToOwner(Path file) throws IOException {
		try {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		}
		catch (UnsupportedOperationException ex) {
			// Non-POSIX file system: rely on the directory's permissions.
		}
	}

}
