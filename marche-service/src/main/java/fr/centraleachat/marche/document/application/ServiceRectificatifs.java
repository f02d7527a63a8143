package fr.centraleachat.marche.document.application;

import fr.centraleachat.kernel.RessourceIntrouvableException;
import fr.centraleachat.kernel.ValeurInvalideException;
import fr.centraleachat.marche.consultation.application.Consultations;
import fr.centraleachat.marche.consultation.application.EvenementsPublies;
import fr.centraleachat.marche.consultation.application.FicheConsultation;
import fr.centraleachat.marche.consultation.domain.Consultation;
import fr.centraleachat.marche.consultation.domain.ConsultationId;
import fr.centraleachat.marche.consultation.domain.Rectificatif;
import fr.centraleachat.marche.document.domain.ChangementsDuDce;
import fr.centraleachat.marche.document.domain.NouveauDocument;
import fr.centraleachat.marche.fichier.domain.FichierStocke;
import fr.centraleachat.marche.reglementation.DelaisReglementaires;
import fr.centraleachat.support.security.Acteur;
import fr.centraleachat.support.security.Role;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Rectifies a published consultation: its reason, dates and the new versions of its DCE in one request. Two stored
 * documents change, without a transaction, in this order: the DCE first (the new versions staged under the
 * rectificatif's id, so its limits hold), then the consultation (the rectificatif and its event, in one write). The
 * staged versions become part of the DCE exactly when the second write succeeds; if it fails they are dropped at once,
 * or, if the process died in between, left out of every read and dropped at a later change.
 */
@Service
public class ServiceRectificatifs {

    /** Files one rectificatif may bring, like a pli. */
    static final int FICHIERS_MAX = 20;
    private static final Logger LOG = LoggerFactory.getLogger(ServiceRectificatifs.class);

    private final Consultations consultations;
    private final EvenementsPublies evenements;
    private final DelaisReglementaires delais;
    private final ServiceDocuments documents;

    ServiceRectificatifs(Consultations consultations, EvenementsPublies evenements, DelaisReglementaires delais,
            ServiceDocuments documents) {
        this.consultations = consultations;
        this.evenements = evenements;
        this.delais = delais;
        this.documents = documents;
    }

    /**
     * Records a rectificatif with the files it brings, described one by one in {@code demande.documents()}.
     *
     * @return the consultation as rectified
     */
    public FicheConsultation rectifier(ConsultationId id, DemandeRectificatif demande, List<FichierTeleverse> fichiers,
            Acteur acteur) {
        acteur.exiger(Role.ACHETEUR);
        if (fichiers.size() > FICHIERS_MAX) {
            throw new ValeurInvalideException("fichiers", "Un rectificatif comporte au plus " + FICHIERS_MAX
                    + " fichiers.");
        }
        if (fichiers.size() != demande.documents().size()) {
            throw new ValeurInvalideException("documents", "Chaque fichier envoyé est décrit dans « documents », dans"
                    + " le même ordre : " + fichiers.size() + " fichier(s) pour " + demande.documents().size()
                    + " description(s).");
        }
        verifierDescriptions(demande);
        FicheConsultation fiche = consultations.trouver(id)
                .orElseThrow(() -> new RessourceIntrouvableException("Aucune consultation n'a l'identifiant " + id + "."));
        Consultation consultation = fiche.consultation();
        Instant maintenant = documents.maintenant();
        String rectificatifId = UUID.randomUUID().toString();
        // Every rule of the consultation is checked before any file is stored.
        Rectificatif rectificatif = consultation.rectifier(rectificatifId, demande.raison(), demande.nouvelleDlro(),
                demande.dateLimiteQuestions(), demande.substantiel(), maintenant, delais);

        List<FichierStocke> stockes = documents.stocker(fichiers, i -> "fichiers[" + i + "]");
        ChangementsDuDce changements;
        try {
            changements = changements(demande, stockes);
            if (!changements.estVide()) {
                documents.modifier(id, dce -> {
                    dce.preparerRectificatif(rectificatifId, changements, consultation.rectificatifs(), maintenant,
                            documents.limites());
                    return null;
                });
            }
        } catch (RuntimeException refus) {
            documents.liberer(stockes);
            throw refus;
        }
        try {
            consultations.mettreAJour(consultation, fiche.avertissements(),
                    evenements.messages(consultation, maintenant,
                            fr.centraleachat.marche.journal.application.Auteurs.de(acteur)));
        } catch (RuntimeException echec) {
            if (!changements.estVide()) {
                abandonner(id, rectificatifId);
            }
            throw echec;
        }
        consultation.effacerEvenements();
        LOG.info("Consultation {} rectified (rectificatif {}, substantial: {}, {} file(s), {} withdrawal(s))", id,
                rectificatif.numero(), rectificatif.substantiel(), stockes.size(), demande.retraits().size());
        return new FicheConsultation(consultation, fiche.avertissements(), consultation.version() + 1);
    }

    /** Each file is either a new document (with its type) or a new version of one document (nothing else). */
    private static void verifierDescriptions(DemandeRectificatif demande) {
        java.util.Set<Integer> remplaces = new java.util.HashSet<>();
        for (int i = 0; i < demande.documents().size(); i++) {
            DemandeRectificatif.DocumentJoint joint = demande.documents().get(i);
            if (joint.remplace() == null && joint.type() == null) {
                throw new ValeurInvalideException("documents[" + i + "].type", "Le type d'un nouveau document est"
                        + " obligatoire (ou « remplace » : le numéro du document dont c'est une nouvelle version).");
            }
            if (joint.remplace() != null && (joint.type() != null || joint.titre() != null)) {
                throw new ValeurInvalideException("documents[" + i + "]", "Une nouvelle version garde le type et le titre"
                        + " du document qu'elle remplace : n'indiquez que « remplace ».");
            }
            if (joint.remplace() != null && !remplaces.add(joint.remplace())) {
                throw new ValeurInvalideException("documents[" + i + "].remplace", "Le document n° "
                        + joint.remplace() + " est remplacé deux fois dans ce rectificatif.");
            }
        }
    }

    private static ChangementsDuDce changements(DemandeRectificatif demande, List<FichierStocke> stockes) {
        List<NouveauDocument> ajouts = new ArrayList<>();
        Map<Integer, FichierStocke> remplacements = new LinkedHashMap<>();
        for (int i = 0; i < stockes.size(); i++) {
            DemandeRectificatif.DocumentJoint joint = demande.documents().get(i);
            if (joint.remplace() == null) {
                ajouts.add(new NouveauDocument(joint.type(), joint.titre(), stockes.get(i)));
            } else {
                remplacements.put(joint.remplace(), stockes.get(i));
            }
        }
        return new ChangementsDuDce(ajouts, remplacements, demande.retraits());
    }

    /** The rectificatif was not recorded: what it staged in the DCE is dropped (its files with it). */
    private void abandonner(ConsultationId id, String rectificatifId) {
        try {
            documents.modifier(id, dce -> {
                dce.abandonnerRectificatif(rectificatifId);
                return null;
            });
        } catch (RuntimeException e) {
            // Left out of every read; dropped at a later change of the DCE.
            LOG.warn("Versions staged by the failed rectificatif {} of consultation {} stay until a later change: {}",
                    rectificatifId, id, e.getMessage());
        }
    }
}
