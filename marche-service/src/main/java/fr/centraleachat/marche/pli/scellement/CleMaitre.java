package fr.centraleachat.marche.pli.scellement;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The master key that encrypts each consultation's data key (envelope encryption). In production it comes from a
 * secret ({@code CENTRALE_SCELLEMENT_CLE_MAITRE}, a Tink JSON keyset, or a KMS behind the same {@link Aead}); in the
 * embedded default it is a key file generated at first start in the data dir, readable by its owner only.
 */
final class CleMaitre {

    private static final Logger LOG = LoggerFactory.getLogger(CleMaitre.class);

    private CleMaitre() {
    }

    static Aead depuis(String jeuDeCles, Path fichier) {
        try {
            String json = jeuDeCles != null && !jeuDeCles.isBlank() ? jeuDeCles : lireOuCreer(fichier);
            KeysetHandle cle = TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get());
            return cle.getPrimitive(RegistryConfiguration.get(), Aead.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Unreadable sealing master key", e);
        }
    }

    private static String lireOuCreer(Path fichier) throws GeneralSecurityException {
        try {
            if (Files.exists(fichier)) {
                return Files.readString(fichier, StandardCharsets.UTF_8);
            }
            Files.createDirectories(fichier.toAbsolutePath().getParent());
            String json = TinkJsonProtoKeysetFormat.serializeKeyset(
                    KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM), InsecureSecretKeyAccess.get());
            try {
                Files.createFile(fichier, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException nonPosix) {
                Files.createFile(fichier);
            } catch (FileAlreadyExistsException autreProcessus) {
                return Files.readString(fichier, StandardCharsets.UTF_8);
            }
            Files.writeString(fichier, json, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
            LOG.warn("Generated a sealing master key in {} (embedded default; use a secret or a KMS in production)",
                    fichier.toAbsolutePath());
            return json;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the sealing master key " + fichier, e);
        }
    }
}
