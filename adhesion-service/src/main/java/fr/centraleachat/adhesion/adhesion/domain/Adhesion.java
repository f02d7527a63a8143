package fr.centraleachat.adhesion.adhesion.domain;

import fr.centraleachat.kernel.FamilleAchat;
import fr.centraleachat.kernel.RegleMetierException;
import fr.centraleachat.kernel.Siren;
import fr.centraleachat.kernel.TransitionInterditeException;
import fr.centraleachat.kernel.ValeurInvalideException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A member body's adhésion to the centrale: requested, backed by a council deliberation, made effective by a
 * signed convention, possibly suspended and resumed, and finally terminated. Each step checks the current state
 * and records what happened.
 */
public final class Adhesion {

    private final AdhesionId id;
    private final Siren membre;
    private final Set<FamilleAchat> famillesAchat;
    private final Missions missions;
    private final LocalDate dateDemande;
    private final long version;
    private StatutAdhesion statut;
    private Deliberation deliberation;
    private LocalDate dateSignatureConvention;
    private LocalDate dateEffet;
    private LocalDate dateSuspension;
    private Motif motifSuspension;
    private LocalDate dateResiliation;
    private Motif motifResiliation;
    private ChangementPrevu changementPrevu;
    private final List<EvenementAdhesion> evenements = new ArrayList<>();

    private Adhesion(Etat etat) {
        if (etat.id() == null) {
            throw new ValeurInvalideException("id", "L'identifiant de l'adhésion est obligatoire.");
        }
        if (etat.membre() == null) {
            throw new ValeurInvalideException("siren", "Le SIREN du membre est obligatoire.");
        }
        if (etat.famillesAchat() == null || etat.famillesAchat().isEmpty()) {
            throw new ValeurInvalideException("famillesAchat", "Au moins une famille d'achat est obligatoire.");
        }
        if (etat.missions() == null) {
            throw new ValeurInvalideException("missions",
                    "Les missions confiées sont obligatoires (PASSATION ou PASSATION_ET_EXECUTION).");
        }
        this.id = etat.id();
        this.membre = etat.membre();
        this.famillesAchat = Set.copyOf(EnumSet.copyOf(etat.famillesAchat()));
        this.missions = etat.missions();
        this.dateDemande = etat.dateDemande();
        this.version = etat.version();
        this.statut = etat.statut();
        this.deliberation = etat.deliberation();
        this.dateSignatureConvention = etat.dateSignatureConvention();
        this.dateEffet = etat.dateEffet();
        this.dateSuspension = etat.dateSuspension();
        this.motifSuspension = etat.motifSuspension();
        this.dateResiliation = etat.dateResiliation();
        this.motifResiliation = etat.motifResiliation();
        this.changementPrevu = etat.changementPrevu();
    }

    /** A member asks to join the centrale for some purchasing families. */
    public static Adhesion demander(AdhesionId id, Siren membre, Set<FamilleAchat> famillesAchat, Missions missions,
            LocalDate aujourdhui) {
        Adhesion adhesion = new Adhesion(new Etat(id, membre, famillesAchat, missions, aujourdhui,
                StatutAdhesion.DEMANDEE, null, null, null, null, null, null, null, null, 0L));
        adhesion.evenements.add(new AdhesionDemandee(id, membre, aujourdhui));
        return adhesion;
    }

    /** Rebuilds a stored adhésion without recording anything. */
    public static Adhesion reconstituer(Etat etat) {
        return new Adhesion(etat);
    }

    public void enregistrerDeliberation(Deliberation deliberation, LocalDate aujourdhui) {
        exigerStatut("enregistrer la délibération", StatutAdhesion.DEMANDEE);
        if (deliberation.date().isAfter(aujourdhui)) {
            throw new RegleMetierException("date", "La date de la délibération ne peut pas être dans le futur.");
        }
        this.deliberation = deliberation;
        this.statut = StatutAdhesion.DELIBEREE;
        evenements.add(new DeliberationEnregistree(id, deliberation));
    }

    /**
     * Records the signed convention. The adhésion becomes active on its effective date: at once when that date
     * has come, otherwise the activation is planned and applied on that date by {@link #appliquerChangementEchu}.
     * Activating again before that date replaces the planned activation.
     */
    public void activer(LocalDate dateSignatureConvention, LocalDate dateEffet, LocalDate aujourdhui) {
        exigerStatut("activer l'adhésion", StatutAdhesion.DELIBEREE);
        if (dateSignatureConvention == null) {
            throw new ValeurInvalideException("dateSignatureConvention",
                    "La date de signature de la convention est obligatoire.");
        }
        if (dateEffet == null) {
            throw new ValeurInvalideException("dateEffet", "La date d'effet est obligatoire.");
        }
        if (dateSignatureConvention.isAfter(aujourdhui)) {
            throw new RegleMetierException("dateSignatureConvention",
                    "La convention ne peut pas être signée à une date future.");
        }
        // The convention implements the deliberation: it cannot be signed before the council decided.
        if (dateSignatureConvention.isBefore(deliberation.date())) {
            throw new RegleMetierException("dateSignatureConvention",
                    "La convention ne peut pas être signée avant la délibération du " + deliberation.date() + ".");
        }
        if (dateEffet.isBefore(dateSignatureConvention)) {
            throw new RegleMetierException("dateEffet",
                    "La date d'effet ne peut pas précéder la signature de la convention.");
        }
        this.dateSignatureConvention = dateSignatureConvention;
        this.dateEffet = dateEffet;
        ChangementPrevu activation = new ChangementPrevu(ChangementPrevu.Type.ACTIVATION, dateEffet, null);
        if (activation.estEchu(aujourdhui)) {
            this.changementPrevu = null;
            devenirActive();
        } else {
            this.changementPrevu = activation;
            evenements.add(new ActivationPlanifiee(id, dateSignatureConvention, dateEffet));
        }
    }

    private void devenirActive() {
        this.statut = StatutAdhesion.ACTIVE;
        evenements.add(new AdhesionActivee(id, dateSignatureConvention, dateEffet));
    }

    public void suspendre(Motif motif, LocalDate aujourdhui) {
        exigerStatut("suspendre l'adhésion", StatutAdhesion.ACTIVE);
        this.dateSuspension = aujourdhui;
        this.motifSuspension = motif;
        this.statut = StatutAdhesion.SUSPENDUE;
        evenements.add(new AdhesionSuspendue(id, aujourdhui, motif));
    }

    public void reprendre(LocalDate aujourdhui) {
        exigerStatut("reprendre l'adhésion", StatutAdhesion.SUSPENDUE);
        this.dateSuspension = null;
        this.motifSuspension = null;
        this.statut = StatutAdhesion.ACTIVE;
        evenements.add(new AdhesionReprise(id, aujourdhui));
    }

    /**
     * Terminates the adhésion on {@code dateEffetResiliation}: at once when that date has come, otherwise the
     * adhésion stays as it is (it may still be suspended or resumed) until the planned termination applies.
     * Terminating again before that date replaces the planned termination.
     */
    public void resilier(LocalDate dateEffetResiliation, Motif motif, LocalDate aujourdhui) {
        exigerStatut("résilier l'adhésion", StatutAdhesion.ACTIVE, StatutAdhesion.SUSPENDUE);
        if (dateEffetResiliation == null) {
            throw new ValeurInvalideException("dateEffet", "La date d'effet de la résiliation est obligatoire.");
        }
        if (motif == null) {
            throw new ValeurInvalideException("motif", "Le motif est obligatoire.");
        }
        if (dateEffetResiliation.isBefore(dateEffet)) {
            throw new RegleMetierException("dateEffet",
                    "La résiliation ne peut pas prendre effet avant l'adhésion (" + dateEffet + ").");
        }
        ChangementPrevu resiliation = new ChangementPrevu(ChangementPrevu.Type.RESILIATION, dateEffetResiliation, motif);
        if (resiliation.estEchu(aujourdhui)) {
            this.changementPrevu = null;
            devenirResiliee(dateEffetResiliation, motif);
        } else {
            this.changementPrevu = resiliation;
            evenements.add(new ResiliationPlanifiee(id, dateEffetResiliation, motif));
        }
    }

    private void devenirResiliee(LocalDate date, Motif motif) {
        this.dateResiliation = date;
        this.motifResiliation = motif;
        this.statut = StatutAdhesion.RESILIEE;
        evenements.add(new AdhesionResiliee(id, date, motif));
    }

    /**
     * Applies the planned change once its effective date has come. Applying it is what records the fact others
     * are told about; a second call finds nothing planned and changes nothing.
     *
     * @return whether a change was applied
     */
    public boolean appliquerChangementEchu(LocalDate aujourdhui) {
        if (changementPrevu == null || !changementPrevu.estEchu(aujourdhui)) {
            return false;
        }
        ChangementPrevu echu = changementPrevu;
        changementPrevu = null;
        switch (echu.type()) {
            case ACTIVATION -> devenirActive();
            case RESILIATION -> devenirResiliee(echu.dateEffet(), echu.motif());
            default -> throw new IllegalStateException("Unknown planned change " + echu.type());
        }
        return true;
    }

    /** A member may hold only one adhésion that is not terminated. */
    public boolean estEnCours() {
        return statut != StatutAdhesion.RESILIEE;
    }

    private void exigerStatut(String action, StatutAdhesion... autorises) {
        for (StatutAdhesion autorise : autorises) {
            if (statut == autorise) {
                return;
            }
        }
        throw new TransitionInterditeException(statut.name(),
                "Impossible " + Francais.de(action) + " : l'état actuel est " + statut.name() + ".");
    }

    public Etat etat() {
        return new Etat(id, membre, famillesAchat, missions, dateDemande, statut, deliberation,
                dateSignatureConvention, dateEffet, dateSuspension, motifSuspension, dateResiliation, motifResiliation,
                changementPrevu, version);
    }

    public AdhesionId id() {
        return id;
    }

    public Siren membre() {
        return membre;
    }

    public Set<FamilleAchat> famillesAchat() {
        return famillesAchat;
    }

    public Missions missions() {
        return missions;
    }

    public StatutAdhesion statut() {
        return statut;
    }

    public Optional<Deliberation> deliberation() {
        return Optional.ofNullable(deliberation);
    }

    public Optional<LocalDate> dateSignatureConvention() {
        return Optional.ofNullable(dateSignatureConvention);
    }

    public Optional<LocalDate> dateEffet() {
        return Optional.ofNullable(dateEffet);
    }

    /** The change planned for a later date, if any. */
    public Optional<ChangementPrevu> changementPrevu() {
        return Optional.ofNullable(changementPrevu);
    }

    public long version() {
        return version;
    }

    public List<EvenementAdhesion> evenementsEnAttente() {
        return List.copyOf(evenements);
    }

    /**
     * Full state of an adhésion, for storage and display; absent values are null.
     *
     * @param changementPrevu the change planned for a later date, or null
     * @param version the stored version this state was read at
     */
    public record Etat(AdhesionId id, Siren membre, Set<FamilleAchat> famillesAchat, Missions missions,
            LocalDate dateDemande, StatutAdhesion statut, Deliberation deliberation, LocalDate dateSignatureConvention,
            LocalDate dateEffet, LocalDate dateSuspension, Motif motifSuspension, LocalDate dateResiliation,
            Motif motifResiliation, ChangementPrevu changementPrevu, long version) {

        /** The same state as stored at another version. */
        public Etat aLaVersion(long nouvelleVersion) {
            return new Etat(id, membre, famillesAchat, missions, dateDemande, statut, deliberation,
                    dateSignatureConvention, dateEffet, dateSuspension, motifSuspension, dateResiliation,
                    motifResiliation, changementPrevu, nouvelleVersion);
        }
    }
}
