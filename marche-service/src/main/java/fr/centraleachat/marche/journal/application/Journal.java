package fr.centraleachat.marche.journal.application;

import fr.centraleachat.kernel.RessourceIntrouvableException;
import fr.centraleachat.kernel.ValeurInvalideException;
import fr.centraleachat.marche.consultation.domain.ConsultationId;
import fr.centraleachat.marche.journal.domain.ActionJournal;
import fr.centraleachat.marche.journal.domain.Auteur;
import fr.centraleachat.marche.journal.domain.ChaineJournal;
import fr.centraleachat.marche.journal.domain.EntreeJournal;
import fr.centraleachat.marche.journal.domain.VerificationJournal;
import fr.centraleachat.support.security.Acteur;
import fr.centraleachat.support.security.Role;
import fr.centraleachat.support.web.CorrelationId;
import fr.centraleachat.support.web.PageDemandee;
import fr.centraleachat.support.web.PageVue;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The audit trail of each consultation: every decision (fed by the consultation's journal events) and every
 * sensitive read ({@link #consigner}) appended to a hash chain; read, exported and verified by acheteurs and
 * administrators. Nothing here changes or removes an entry.
 */
@Service
public class Journal {

    /** The most entries one export gives; the next part starts where the {@code Link} header says. */
    public static final int MAX_EXPORT = 10_000;

    private static final Logger LOG = LoggerFactory.getLogger(Journal.class);
    /** Appends racing for one consultation's next rank; each loser reads the new last entry and tries again. */
    private static final int MAX_ESSAIS = 50;

    private final EntreesJournal entrees;
    private final ConsultationsJournalisees consultations;
    private final Clock horloge;

    public Journal(EntreesJournal entrees, ConsultationsJournalisees consultations, Clock horloge) {
        this.entrees = entrees;
        this.consultations = consultations;
        this.horloge = horloge;
    }

    /**
     * Appends the entry an event asked for, once: a redelivered event (same id) adds nothing.
     *
     * @return the entry appended, empty when that event's entry was already there
     */
    public Optional<EntreeJournal> consignerEvenement(String evenementId, ConsultationId consultationId,
            Instant horodatage, Auteur auteur, ActionJournal action, String resume, String correlationId) {
        if (evenementId == null || evenementId.isBlank()) {
            throw new ValeurInvalideException("evenementId", "L'identifiant de l'événement journalisé est obligatoire.");
        }
        for (int essai = 1; essai <= MAX_ESSAIS; essai++) {
            EntreeJournal entree = ChaineJournal.suivante(entrees.derniere(consultationId).orElse(null),
                    consultationId, horodatage, auteur, action, resume, correlationId);
            switch (entrees.ajouter(entree, evenementId)) {
                case AJOUTEE:
                    return Optional.of(entree);
                case DEJA_CONSIGNEE:
                    LOG.info("Journal entry of event {} for consultation {} already recorded: ignored", evenementId,
                            consultationId);
                    return Optional.empty();
                case RANG_DEJA_PRIS:
                    break;
                default:
                    throw new IllegalStateException();
            }
        }
        // Left to the caller's retries (the consumer's back-off): nothing was written.
        throw new IllegalStateException("Journal of consultation " + consultationId + " kept changing while appending"
                + " event " + evenementId);
    }

    /**
     * Records at once an action that changes no state, such as a sensitive read (a DCE downloaded): there is no
     * state write to stay atomic with, so the entry is appended directly, now, with the current correlation id.
     */
    public EntreeJournal consigner(ConsultationId consultationId, Acteur acteur, ActionJournal action, String resume) {
        return consignerEvenement(UUID.randomUUID().toString(), consultationId,
                horloge.instant().truncatedTo(ChronoUnit.MILLIS), Auteurs.de(acteur), action, resume,
                CorrelationId.courant()).orElseThrow();
    }

    /** One page of a consultation's journal, in rank order. */
    public PageVue<EntreeJournal> lire(ConsultationId id, PageDemandee page, Acteur acteur) {
        exigerLecteur(acteur, id);
        return entrees.page(id, page);
    }

    /**
     * The journal from rank {@code depuis}, at most {@link #MAX_EXPORT} entries, to be written as a stream. Every
     * refusal happens here, before anything is written.
     */
    public ExportJournal exporter(ConsultationId id, long depuis, Acteur acteur) {
        if (depuis < 1) {
            throw new ValeurInvalideException("depuis", "Le rang de départ de l'export commence à 1.");
        }
        exigerLecteur(acteur, id);
        OptionalLong suite = entrees.rangApres(id, depuis, MAX_EXPORT);
        return new ExportJournal(id, suite, action -> entrees.parcourir(id, depuis, MAX_EXPORT, action));
    }

    /** Recomputes the whole chain of a consultation, reading it as a stream. */
    public VerificationJournal verifier(ConsultationId id, Acteur acteur) {
        exigerLecteur(acteur, id);
        ChaineJournal.Verification verification = new ChaineJournal.Verification();
        entrees.verifier(id, verification);
        VerificationJournal resultat = verification.resultat();
        if (!resultat.intact()) {
            LOG.warn("Journal of consultation {} is NOT intact from rank {} ({} entries)", id,
                    resultat.premierRangInvalide(), resultat.entrees());
        }
        return resultat;
    }

    /** Acheteurs and administrators only; a deleted draft keeps its journal, an unknown id has none. */
    private void exigerLecteur(Acteur acteur, ConsultationId id) {
        acteur.exiger(Role.ACHETEUR, Role.ADMIN);
        if (!entrees.existe(id) && !consultations.existe(id)) {
            throw new RessourceIntrouvableException("Aucune consultation ni aucun journal n'a l'identifiant " + id + ".");
        }
    }

    /**
     * An export ready to be written.
     *
     * @param suite the rank the next part starts at, when more entries remain than one export gives
     */
    public record ExportJournal(ConsultationId consultationId, OptionalLong suite,
            Consumer<Consumer<EntreeJournal>> parcours) {

        public void ecrire(Consumer<EntreeJournal> action) {
            parcours.accept(action);
        }
    }
}
