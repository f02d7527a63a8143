package fr.centraleachat.marche.document.application;

import fr.centraleachat.kernel.RessourceIntrouvableException;
import fr.centraleachat.marche.consultation.application.BrouillonSupprime;
import fr.centraleachat.marche.consultation.application.Consultations;
import fr.centraleachat.marche.consultation.application.FicheConsultation;
import fr.centraleachat.marche.consultation.domain.Consultation;
import fr.centraleachat.marche.consultation.domain.ConsultationId;
import fr.centraleachat.marche.document.domain.Dce;
import fr.centraleachat.marche.document.domain.Document;
import fr.centraleachat.marche.document.domain.DocumentEnVigueur;
import fr.centraleachat.marche.document.domain.LimitesDce;
import fr.centraleachat.marche.document.domain.Telechargement;
import fr.centraleachat.marche.document.domain.TypeDocument;
import fr.centraleachat.marche.document.domain.VersionPubliee;
import fr.centraleachat.marche.fichier.application.StockageFichiers;
import fr.centraleachat.marche.fichier.domain.FichierStocke;
import fr.centraleachat.support.security.Acteur;
import fr.centraleachat.support.security.Role;
import fr.centraleachat.support.web.CorrelationId;
import fr.centraleachat.support.web.PageDemandee;
import fr.centraleachat.support.web.PageVue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.util.unit.DataSize;

/**
 * The tender documents (DCE) of a consultation: the acheteur files them; once the consultation is published anyone
 * downloads them, one by one or as one archive, and every download is recorded first (a download that could not be
 * recorded does not happen). A draft's DCE is seen by the centrale's staff only; to anyone else it does not exist.
 */
@Service
public class ServiceDocuments {

    static final String BUCKET = "dce";
    private static final Logger LOG = LoggerFactory.getLogger(ServiceDocuments.class);
    private static final int ESSAIS = 5;

    private final Consultations consultations;
    private final Dces dces;
    private final Telechargements telechargements;
    private final StockageFichiers stockage;
    private final Clock horloge;
    private final LimitesDce limites;
    private final long tailleMaxFichier;

    ServiceDocuments(Consultations consultations, Dces dces, Telechargements telechargements,
            StockageFichiers stockage, Clock horloge,
            @Value("${centrale.dce.taille-max-fichier:50MB}") DataSize tailleMaxFichier,
            @Value("${centrale.dce.taille-max-totale:200MB}") DataSize tailleMaxTotale,
            @Value("${centrale.dce.documents-max:100}") int documentsMax) {
        this.consultations = consultations;
        this.dces = dces;
        this.telechargements = telechargements;
        this.stockage = stockage;
        this.horloge = horloge;
        this.tailleMaxFichier = tailleMaxFichier.toBytes();
        this.limites = new LimitesDce(documentsMax, tailleMaxTotale.toBytes());
    }

    /** Adds a document to the DCE of a draft or published consultation (a published one: outside any rectificatif). */
    public DocumentEnVigueur deposer(ConsultationId id, TypeDocument type, String titre, FichierTeleverse fichier,
            Acteur acteur) {
        acteur.exiger(Role.ACHETEUR);
        Consultation consultation = consultation(id);
        Dce.exigerDepotPossible(consultation.statut());
        FichierStocke stocke = stocker(List.of(fichier), i -> "fichier").get(0);
        Instant maintenant = maintenant();
        try {
            Document document = modifier(id, dce -> dce.deposer(type, titre, stocke, consultation.statut(),
                    consultation.rectificatifs(), maintenant, limites));
            LOG.info("Document {} ({}) added to the DCE of consultation {}", document.numero(), type, id);
            return new DocumentEnVigueur(document.numero(), document.type(), document.titre(),
                    new VersionPubliee(1, stocke, maintenant, null), List.of());
        } catch (RuntimeException refus) {
            liberer(List.of(stocke));
            throw refus;
        }
    }

    /** Deletes a document of a draft's DCE, with its file. */
    public void supprimer(ConsultationId id, int numero, Acteur acteur) {
        acteur.exiger(Role.ACHETEUR);
        Consultation consultation = consultation(id);
        modifier(id, dce -> {
            dce.supprimer(numero, consultation.statut());
            return null;
        });
        LOG.info("Document {} deleted from the DCE of draft {}", numero, id);
    }

    /** The documents in the DCE now, by number. */
    public PageVue<DocumentEnVigueur> lister(ConsultationId id, PageDemandee page, Optional<Acteur> acteur) {
        Consultation consultation = visible(id, acteur);
        return PageVue.de(enVigueur(consultation), page);
    }

    /**
     * One document (its current version, or an earlier one), recorded as downloaded.
     *
     * @throws RessourceIntrouvableException when the document or the version is not in the DCE (or the consultation
     *                                       is not visible to the caller)
     */
    public FichierATelecharger telecharger(ConsultationId id, int numero, Optional<Integer> version,
            Optional<Acteur> acteur) {
        Consultation consultation = visible(id, acteur);
        VersionPubliee trouvee = dces.trouver(id)
                .flatMap(dce -> dce.version(numero, version, consultation.rectificatifs()))
                .orElseThrow(() -> new RessourceIntrouvableException("Le dossier de consultation n'a pas de document n° "
                        + numero + version.map(v -> " en version " + v).orElse("") + "."));
        consigner(id, acteur, false, List.of(new Telechargement.FichierTelecharge(numero, trouvee.version(),
                trouvee.fichier().nom(), trouvee.fichier().sha256())));
        return new FichierATelecharger(numero, trouvee, this::ouvrir);
    }

    /**
     * The whole DCE as it stands, recorded as downloaded with every file it holds.
     *
     * @throws RessourceIntrouvableException while the DCE holds no document
     */
    public DceATelecharger archive(ConsultationId id, Optional<Acteur> acteur) {
        Consultation consultation = visible(id, acteur);
        List<DocumentEnVigueur> documents = enVigueur(consultation);
        if (documents.isEmpty()) {
            throw new RessourceIntrouvableException("Le dossier de consultation ne contient encore aucun document.");
        }
        consigner(id, acteur, true, documents.stream().map(d -> new Telechargement.FichierTelecharge(d.numero(),
                d.courante().version(), d.courante().fichier().nom(), d.courante().fichier().sha256())).toList());
        return new DceATelecharger(id, documents, this::ouvrir);
    }

    /** The record of downloads of a consultation's DCE (acheteurs and administrators). */
    public PageVue<Telechargement> telechargements(ConsultationId id, PageDemandee page, Acteur acteur) {
        acteur.exiger(Role.ACHETEUR, Role.ADMIN);
        consultation(id);
        return telechargements.lister(id, page);
    }

    /** A deleted draft's DCE goes with it: its document, then its files (an orphan file is logged, never an error). */
    @EventListener
    void brouillonSupprime(BrouillonSupprime supprime) {
        ConsultationId id = supprime.consultationId();
        try {
            dces.trouver(id).ifPresent(dce -> {
                dces.supprimer(id);
                liberer(dce.documents().stream().flatMap(d -> d.versions().stream())
                        .flatMap(v -> v.contenu().stream()).toList());
                LOG.info("DCE of deleted draft {} deleted", id);
            });
        } catch (RuntimeException e) {
            LOG.warn("DCE of deleted draft {} stays stored: {}", id, e.getMessage());
        }
    }

    // --- shared with the rectificatifs -------------------------------------------------------------------

    LimitesDce limites() {
        return limites;
    }

    /**
     * Streams files to the DCE's bucket, each checked by its content and against the per-file size; one refused
     * refuses them all, and nothing of them is kept.
     */
    List<FichierStocke> stocker(List<FichierTeleverse> fichiers, Function<Integer, String> champ) {
        List<FichierStocke> stockes = new ArrayList<>();
        try {
            for (int i = 0; i < fichiers.size(); i++) {
                FichierTeleverse fichier = fichiers.get(i);
                try (InputStream flux = fichier.contenu().ouvrir()) {
                    stockes.add(stockage.enregistrer(BUCKET, champ.apply(i), fichier.nom(), flux, tailleMaxFichier,
                            StockageFichiers.EN_CLAIR));
                }
            }
            return stockes;
        } catch (IOException e) {
            liberer(stockes);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            liberer(stockes);
            throw e;
        }
    }

    /** Deletes stored files nothing refers to any more; a failure leaves an orphan file, logged, never an error. */
    void liberer(List<FichierStocke> fichiers) {
        for (FichierStocke fichier : fichiers) {
            try {
                stockage.supprimer(BUCKET, fichier.id());
            } catch (RuntimeException e) {
                LOG.warn("File {} of the DCE bucket could not be deleted and stays orphaned: {}", fichier.id(),
                        e.getMessage());
            }
        }
    }

    /**
     * Applies a change to the consultation's DCE (created at its first document) and saves it, again on a fresh copy
     * when another request saved it meanwhile; then deletes the files the change let go.
     */
    <T> T modifier(ConsultationId id, Function<Dce, T> changement) {
        for (int essai = 1; ; essai++) {
            Dce dce = dces.trouver(id).orElseGet(() -> Dce.nouveau(id));
            T resultat = changement.apply(dce);
            try {
                dces.enregistrer(dce);
            } catch (OptimisticLockingFailureException | DuplicateKeyException concurrent) {
                if (essai == ESSAIS) {
                    throw concurrent;
                }
                continue;
            }
            liberer(dce.fichiersALiberer());
            return resultat;
        }
    }

    Consultation consultation(ConsultationId id) {
        return consultations.trouver(id).map(FicheConsultation::consultation)
                .orElseThrow(() -> introuvable(id));
    }

    Instant maintenant() {
        return horloge.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    // --- internals ---------------------------------------------------------------------------------------

    private List<DocumentEnVigueur> enVigueur(Consultation consultation) {
        return dces.trouver(consultation.id()).map(dce -> dce.enVigueur(consultation.rectificatifs()))
                .orElse(List.of());
    }

    /**
     * The consultation if the caller may see its DCE: staff always, anyone (anonymous included) once it was
     * published. Otherwise it does not exist for the caller.
     */
    private Consultation visible(ConsultationId id, Optional<Acteur> acteur) {
        boolean personnel = acteur.map(a -> a.a(Role.ACHETEUR) || a.a(Role.ADMIN)).orElse(false);
        return consultations.trouver(id).map(FicheConsultation::consultation)
                .filter(c -> personnel || c.aEtePubliee())
                .orElseThrow(() -> introuvable(id));
    }

    private void consigner(ConsultationId id, Optional<Acteur> acteur, boolean archive,
            List<Telechargement.FichierTelecharge> fichiers) {
        // An ObjectId grows with each record of this process: downloads at the same instant keep their order.
        telechargements.consigner(new Telechargement(new org.bson.types.ObjectId().toHexString(), id, maintenant(),
                acteur.map(Acteur::sujet).orElse(null),
                acteur.map(a -> a.roles().stream().map(Role::name).sorted().toList()).orElse(List.of()),
                acteur.flatMap(Acteur::siret).map(s -> s.valeur()).orElse(null),
                acteur.flatMap(Acteur::membre).map(s -> s.valeur()).orElse(null),
                archive, fichiers, CorrelationId.courant()));
    }

    private InputStream ouvrir(FichierStocke fichier) throws IOException {
        return stockage.ouvrir(BUCKET, fichier.id(), StockageFichiers.EN_CLAIR);
    }

    private static RessourceIntrouvableException introuvable(ConsultationId id) {
        return new RessourceIntrouvableException("Aucune consultation n'a l'identifiant " + id + ".");
    }
}
