package fr.centraleachat.marche.pli.scellement;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.StreamingAead;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.streamingaead.PredefinedStreamingAeadParameters;
import com.google.crypto.tink.streamingaead.StreamingAeadConfig;
import fr.centraleachat.marche.fichier.application.StockageFichiers;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Seals plis: envelope encryption with Tink. Each consultation has its own data keys (an AEAD for the offer data,
 * a streaming AEAD for the files), created at its first pli and stored encrypted by the master key, bound to the
 * consultation's id. Anyone may seal; nobody may unseal before the plis are opened — checked here, whatever the
 * caller checked before, so no path through the API can read a pli early.
 */
@Component
public class Coffre {

    static final String COLLECTION = "cles_scellement";

    private final MongoTemplate mongo;
    private final OuverturePlis ouverture;
    private final Aead maitre;
    /**
     * A consultation's keys never change once created: unwrapped once per process, not at each pli or file. Holding
     * them decrypts nothing by itself; the opening is still checked at every unsealing.
     */
    private final java.util.Map<String, Cles> deballees = new java.util.concurrent.ConcurrentHashMap<>();

    Coffre(MongoTemplate mongo, OuverturePlis ouverture,
            @Value("${centrale.scellement.cle-maitre:}") String cleMaitre,
            @Value("${centrale.scellement.fichier-cle-maitre}") Path fichierCleMaitre) throws GeneralSecurityException {
        AeadConfig.register();
        StreamingAeadConfig.register();
        this.mongo = mongo;
        this.ouverture = ouverture;
        this.maitre = CleMaitre.depuis(cleMaitre, fichierCleMaitre);
    }

    /** Encrypts {@code clair} (the offer data of a pli), bound to {@code contexte} (the pli's number). */
    public byte[] sceller(String consultationId, byte[] clair, String contexte) {
        try {
            return cles(consultationId).aead().encrypt(clair, contexte(consultationId, contexte));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Sealing failed for consultation " + consultationId, e);
        }
    }

    /** Decrypts what {@link #sceller} sealed; refused while the consultation's plis are not opened. */
    public byte[] desceller(String consultationId, byte[] scelle, String contexte) {
        exigerOuverture(consultationId);
        try {
            return cles(consultationId).aead().decrypt(scelle, contexte(consultationId, contexte));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Sealed data of consultation " + consultationId + " does not decrypt", e);
        }
    }

    /** Encryption of a pli's file on its way to storage; reading it back is refused until the opening. */
    public StockageFichiers.Enveloppe enveloppe(String consultationId, String contexte) {
        byte[] associe = contexte(consultationId, contexte);
        return new StockageFichiers.Enveloppe() {
            @Override
            public OutputStream fermer(OutputStream stocke) throws IOException {
                try {
                    return cles(consultationId).flux().newEncryptingStream(stocke, associe);
                } catch (GeneralSecurityException e) {
                    throw new IOException("Sealing failed", e);
                }
            }

            @Override
            public InputStream ouvrir(InputStream stocke) throws IOException {
                exigerOuverture(consultationId);
                try {
                    return cles(consultationId).flux().newDecryptingStream(stocke, associe);
                } catch (GeneralSecurityException e) {
                    throw new IOException("Unsealing failed", e);
                }
            }
        };
    }

    private void exigerOuverture(String consultationId) {
        if (!ouverture.plisOuverts(consultationId)) {
            throw new PlisScellesException();
        }
    }

    private record Cles(Aead aead, StreamingAead flux) {
    }

    private Cles cles(String consultationId) throws GeneralSecurityException {
        Cles connues = deballees.get(consultationId);
        if (connues != null) {
            return connues;
        }
        Cles cles = lireOuCreer(consultationId);
        deballees.putIfAbsent(consultationId, cles);
        return deballees.get(consultationId);
    }

    private Cles lireOuCreer(String consultationId) throws GeneralSecurityException {
        byte[] associe = ("cles:" + consultationId).getBytes(StandardCharsets.UTF_8);
        Document stockees = mongo.findById(consultationId, Document.class, COLLECTION);
        if (stockees == null) {
            Document nouvelles = new Document("_id", consultationId)
                    .append("aead", new Binary(TinkProtoKeysetFormat.serializeEncryptedKeyset(
                            KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM), maitre, associe)))
                    .append("flux", new Binary(TinkProtoKeysetFormat.serializeEncryptedKeyset(
                            KeysetHandle.generateNew(PredefinedStreamingAeadParameters.AES256_GCM_HKDF_1MB), maitre,
                            associe)));
            try {
                mongo.insert(nouvelles, COLLECTION);
                stockees = nouvelles;
            } catch (DuplicateKeyException premierArrive) {
                // Two first plis at once: the keys of the one stored first are the consultation's.
                stockees = mongo.findById(consultationId, Document.class, COLLECTION);
            }
        }
        KeysetHandle aead = TinkProtoKeysetFormat.parseEncryptedKeyset(octets(stockees.get("aead")), maitre, associe);
        KeysetHandle flux = TinkProtoKeysetFormat.parseEncryptedKeyset(octets(stockees.get("flux")), maitre, associe);
        return new Cles(aead.getPrimitive(RegistryConfiguration.get(), Aead.class),
                flux.getPrimitive(RegistryConfiguration.get(), StreamingAead.class));
    }

    private static byte[] octets(Object valeur) {
        return valeur instanceof Binary binaire ? binaire.getData() : (byte[]) valeur;
    }

    private static byte[] contexte(String consultationId, String contexte) {
        return (consultationId + "|" + contexte).getBytes(StandardCharsets.UTF_8);
    }
}
