package fr.centraleachat.marche.pli.persistence;

import fr.centraleachat.kernel.Siret;
import fr.centraleachat.marche.fichier.domain.FichierStocke;
import fr.centraleachat.marche.pli.application.Soumissions;
import fr.centraleachat.marche.pli.domain.NaturePiece;
import fr.centraleachat.marche.pli.domain.PieceDeposee;
import fr.centraleachat.marche.pli.domain.Pli;
import fr.centraleachat.marche.pli.domain.Soumission;
import fr.centraleachat.marche.pli.domain.StatutPli;
import fr.centraleachat.support.outbox.EnregistreurAvecOutbox;
import jakarta.annotation.PostConstruct;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

@Repository
class SoumissionsMongo implements Soumissions {

    /** A consultation has at most 200 lots; this bounds what one read of its plis loads. */
    private static final int SOUMISSIONS_MAX_PAR_CONSULTATION = 20_000;

    private final MongoTemplate mongo;
    private final EnregistreurAvecOutbox enregistreur;

    SoumissionsMongo(MongoTemplate mongo, EnregistreurAvecOutbox enregistreur) {
        this.mongo = mongo;
        this.enregistreur = enregistreur;
    }

    @PostConstruct
    void index() {
        mongo.indexOps(SoumissionDocument.COLLECTION).createIndex(new Index().on("consultationId", Sort.Direction.ASC)
                .on("lot", Sort.Direction.ASC));
        mongo.indexOps(SoumissionDocument.COLLECTION).createIndex(new Index().on("plis.numero", Sort.Direction.ASC));
    }

    @Override
    public Optional<Soumission> trouver(String id) {
        return Optional.ofNullable(mongo.findById(id, SoumissionDocument.class)).map(SoumissionsMongo::lire);
    }

    @Override
    public Optional<Soumission> parNumeroDePli(String numero) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("plis.numero").is(numero)),
                SoumissionDocument.class)).map(SoumissionsMongo::lire);
    }

    @Override
    public List<Soumission> deLaConsultation(String consultationId) {
        return mongo.find(Query.query(Criteria.where("consultationId").is(consultationId))
                        .with(Sort.by("lot", "_id")).limit(SOUMISSIONS_MAX_PAR_CONSULTATION), SoumissionDocument.class)
                .stream().map(SoumissionsMongo::lire).toList();
    }

    @Override
    public void enregistrer(Soumission soumission, List<fr.centraleachat.support.outbox.MessageSortant> messages) {
        SoumissionDocument document = ecrire(soumission);
        if (soumission.estNouvelle()) {
            enregistreur.inserer(document, messages);
        } else {
            enregistreur.mettreAJour(document, soumission.version(), messages);
        }
    }

    private static SoumissionDocument ecrire(Soumission s) {
        return new SoumissionDocument(s.id(), s.consultationId(), s.lot(), s.soumissionnaire().valeur(),
                s.plis().stream().map(p -> new SoumissionDocument.PliDocument(p.numero(), p.recuLe(), p.statut().name(),
                        p.pieces().stream().map(piece -> new SoumissionDocument.PieceDocument(piece.nature().name(),
                                piece.fichier().id(), piece.fichier().nom(), piece.fichier().typeContenu(),
                                piece.fichier().taille(), piece.fichier().sha256())).toList(),
                        p.offreScellee())).toList(),
                s.version());
    }

    private static Soumission lire(SoumissionDocument d) {
        return Soumission.reconstituer(d.consultationId(), d.lot(), new Siret(d.siret()),
                d.plis().stream().map(p -> new Pli(p.numero(), p.recuLe(), StatutPli.valueOf(p.statut()),
                        p.pieces().stream().map(piece -> new PieceDeposee(NaturePiece.valueOf(piece.nature()),
                                new FichierStocke(piece.fichier(), piece.nom(), piece.typeContenu(), piece.taille(),
                                        piece.sha256()))).toList(),
                        p.offreScellee())).toList(),
                d.version());
    }
}
