package fr.centraleachat.marche.document.persistence;

import fr.centraleachat.marche.consultation.domain.ConsultationId;
import fr.centraleachat.marche.document.application.Dces;
import fr.centraleachat.marche.document.domain.Dce;
import fr.centraleachat.marche.document.domain.Document;
import fr.centraleachat.marche.document.domain.TypeDocument;
import fr.centraleachat.marche.document.domain.VersionDocument;
import fr.centraleachat.marche.fichier.domain.FichierStocke;
import fr.centraleachat.support.outbox.EnregistreurAvecOutbox;
import java.util.List;
import java.util.Optional;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/** One document per DCE, written whole over the version it was read at. */
@Repository
class DcesMongo implements Dces {

    private final MongoTemplate mongo;
    private final EnregistreurAvecOutbox enregistreur;

    DcesMongo(MongoTemplate mongo, EnregistreurAvecOutbox enregistreur) {
        this.mongo = mongo;
        this.enregistreur = enregistreur;
    }

    @Override
    public Optional<Dce> trouver(ConsultationId consultationId) {
        return Optional.ofNullable(mongo.findById(consultationId.toString(), DceDocument.class)).map(DcesMongo::lire);
    }

    @Override
    public void enregistrer(Dce dce) {
        DceDocument document = ecrire(dce);
        if (dce.estNouveau()) {
            enregistreur.inserer(document, List.of());
        } else {
            enregistreur.mettreAJour(document, dce.version(), List.of());
        }
    }

    @Override
    public void supprimer(ConsultationId consultationId) {
        mongo.remove(Query.query(Criteria.where("_id").is(consultationId.toString())), DceDocument.class);
    }

    private static DceDocument ecrire(Dce dce) {
        return new DceDocument(dce.consultationId().toString(), dce.dernierNumero(), dce.documents().stream()
                .map(d -> new DceDocument.DocumentDce(d.numero(), d.type().name(), d.titre(), d.versions().stream()
                        .map(v -> new DceDocument.VersionDce(v.version(),
                                v.contenu().map(FichierStocke::id).orElse(null),
                                v.contenu().map(FichierStocke::nom).orElse(null),
                                v.contenu().map(FichierStocke::typeContenu).orElse(null),
                                v.contenu().map(FichierStocke::taille).orElse(null),
                                v.contenu().map(FichierStocke::sha256).orElse(null), v.date(), v.rectificatif()))
                        .toList()))
                .toList(), dce.version());
    }

    private static Dce lire(DceDocument d) {
        return Dce.reconstituer(ConsultationId.de(d.id()), d.dernierNumero(), d.documents().stream()
                .map(doc -> new Document(doc.numero(), TypeDocument.valueOf(doc.type()), doc.titre(), doc.versions()
                        .stream().map(v -> new VersionDocument(v.version(), v.fichier() == null ? null
                                : new FichierStocke(v.fichier(), v.nom(), v.typeContenu(), v.taille(), v.sha256()),
                                v.date(), v.rectificatif()))
                        .toList()))
                .toList(), d.version());
    }
}
