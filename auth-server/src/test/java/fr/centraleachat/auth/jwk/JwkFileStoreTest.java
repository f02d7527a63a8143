package fr.centraleachat.auth.jwk;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class JwkFileStoreTest {

	@TempDir
	Path dir;

	@Test
	void generatesKeyOnFirstUseAndReusesItAfter() throws Exception {
		Path file = this.dir.resolve("nested/auth/jwk.json");

		RSAKey first = JwkFileStore.loadOrCreate(file);
		RSAKey second = JwkFileStore.loadOrCreate(file);

		assertThat(file).isRegularFile();
		assertThat(second.getKeyID()).isEqualTo(first.getKeyID());
		assertThat(second.getModulus()).isEqualTo(first.getModulus());
		assertThat(second.isPrivate()).isTrue();
		assertThat(first.getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
		assertThat(first.size()).isEqualTo(2048);
	}

	@Test
	void keepsKeyFileReadableByOwnerOnly() throws Exception {
		Path file = this.dir.resolve("jwk.json");

		JwkFileStore.loadOrCreate(file);

		assertThat(Files.getPosixFilePermissions(file)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ,
				PosixFilePermission.OWNER_WRITE);
		try (var files = Files.list(this.dir)) {
			assertThat(files).as("no temporary file left behind").containsExactly(file);
		}
	}

	@Test
	void usesKeyProvidedInConfiguredFile() throws Exception {
		Path file = this.dir.resolve("provided.json");
		RSAKey provided = JwkFileStore.generate();
		Files.writeString(file, new JWKSet(provided).toString(false));

		assertThat(JwkFileStore.loadOrCreate(file).getKeyID()).isEqualTo(provided.getKeyID());
	}

	@Test
	void refusesFileWithoutPrivateKey() throws Exception {
		Path file = this.dir.resolve("public.json");
		Files.writeString(file, new JWKSet(JwkFileStore.generate().toPublicJWK()).toString());

		assertThatIllegalStateException().isThrownBy(() -> JwkFileStore.loadOrCreate(file))
			.withMessageContaining("No RSA private key");
	}

}
