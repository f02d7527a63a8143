package fr.centraleachat.marche.fichier.persistence;

import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.GridFSUploadStream;
import com.mongodb.client.gridfs.model.GridFSUploadOptions;
import fr.centraleachat.kernel.ValeurInvalideException;
import fr.centraleachat.marche.fichier.application.FichierTropVolumineuxException;
import fr.centraleachat.marche.fichier.application.StockageFichiers;
import fr.centraleachat.marche.fichier.domain.FichierStocke;
import fr.centraleachat.marche.fichier.domain.NomDeFichier;
import fr.centraleachat.marche.fichier.domain.TypeDeFichier;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Files in MongoDB GridFS (chunks of 255 KiB in {@code <bucket>.chunks}, one {@code <bucket>.files} document
 * each), written and read as streams through a 64 KiB buffer: a process holds no more of a file than that.
 */
@Component
class StockageGridFs implements StockageFichiers {

    private static final int TAMPON = 64 * 1024;

    private final MongoTemplate mongo;
    private final Map<String, GridFSBucket> buckets = new ConcurrentHashMap<>();

    StockageGridFs(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public FichierStocke enregistrer(String bucket, String champ, String nom, InputStream flux, long tailleMax,
            Enveloppe enveloppe) throws IOException {
        String nomValide;
        try {
            nomValide = NomDeFichier.valider(nom);
        } catch (ValeurInvalideException e) {
            throw new ValeurInvalideException(champ, e.getMessage());
        }
        MessageDigest sha = sha256();
        InputStream lu = new DigestInputStream(flux, sha);
        byte[] entete = lu.readNBytes(TypeDeFichier.ENTETE);
        TypeDeFichier type = TypeDeFichier.detecter(entete, entete.length).orElseThrow(() ->
                new ValeurInvalideException(champ, "Le fichier « " + nomValide + " » n'est pas d'un type accepté ("
                        + TypeDeFichier.acceptes() + ") : son contenu a été examiné, pas son nom."));
        GridFSUploadStream stocke = bucket(bucket).openUploadStream(nomValide, new GridFSUploadOptions()
                .metadata(new Document("typeContenu", type.typeContenu())));
        boolean termine = false;
        long taille = 0;
        try (OutputStream sortie = enveloppe.fermer(new NonFermant(stocke))) {
            sortie.write(entete);
            taille = entete.length;
            byte[] tampon = new byte[TAMPON];
            for (int n; (n = lu.read(tampon)) > 0; ) {
                taille += n;
                if (taille > tailleMax) {
                    throw new FichierTropVolumineuxException(nomValide, tailleMax);
                }
                sortie.write(tampon, 0, n);
            }
            termine = true;
        } finally {
            if (termine) {
                stocke.close();
            } else {
                // Nothing of a refused or interrupted file is kept.
                stocke.abort();
            }
        }
        return new FichierStocke(stocke.getObjectId().toHexString(), nomValide, type.typeContenu(), taille,
                HexFormat.of().formatHex(sha.digest()));
    }

    @Override
    public void lire(String bucket, String id, Enveloppe enveloppe, OutputStream sortie) throws IOException {
        try (InputStream clair = ouvrir(bucket, id, enveloppe)) {
            clair.transferTo(sortie);
        }
    }

    @Override
    public InputStream ouvrir(String bucket, String id, Enveloppe enveloppe) throws IOException {
        return enveloppe.ouvrir(bucket(bucket).openDownloadStream(new ObjectId(id)));
    }

    @Override
    public void supprimer(String bucket, String id) {
        bucket(bucket).delete(new ObjectId(id));
    }

    private GridFSBucket bucket(String nom) {
        return buckets.computeIfAbsent(nom, n -> GridFSBuckets.create(mongo.getDb(), n));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The encryption stream's close must not complete the upload: success or abort is decided here. */
    private static final class NonFermant extends java.io.FilterOutputStream {

        NonFermant(OutputStream cible) {
            super(cible);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
