package fr.centraleachat.kernel.membre;

import fr.centraleachat.kernel.Siren;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A member body as a service knows it from the adhésion events (catalogue and marché keep this projection). Events may arrive late or twice: a change
 * older than the last one applied is ignored (their time, not their arrival, decides: one body's successive
 * adhésions are keyed apart on the topic, so their events are not ordered). Each step answers whether it changed
 * anything.
 */
public final class Membre {

    private final Siren siren;
    private DescriptionMembre description;
    private StatutMembre statut;
    private Instant derniereMiseAJour;

    private Membre(Siren siren, DescriptionMembre description, StatutMembre statut, Instant derniereMiseAJour) {
        this.siren = Objects.requireNonNull(siren);
        this.description = description;
        this.statut = statut;
        this.derniereMiseAJour = derniereMiseAJour;
    }

    /** A body the service has heard nothing about yet. */
    public static Membre inconnu(Siren siren) {
        return new Membre(siren, null, null, null);
    }

    public static Membre reconstituer(Siren siren, DescriptionMembre description, StatutMembre statut,
            Instant derniereMiseAJour) {
        return new Membre(siren, description, statut, derniereMiseAJour);
    }

    /** The adhésion became effective (possibly a new adhésion after a resiliation). */
    public boolean activer(DescriptionMembre nouvelle, Instant date) {
        Objects.requireNonNull(nouvelle);
        if (estPlusAncien(date)) {
            // Late activation: its description is still worth having when nothing else described the body.
            if (description == null) {
                description = nouvelle;
                return true;
            }
            return false;
        }
        description = nouvelle;
        statut = StatutMembre.ACTIVE;
        derniereMiseAJour = date;
        return true;
    }

    public boolean suspendre(Instant date) {
        return changerStatut(StatutMembre.SUSPENDUE, date);
    }

    public boolean reprendre(Instant date) {
        return changerStatut(StatutMembre.ACTIVE, date);
    }

    public boolean resilier(Instant date) {
        return changerStatut(StatutMembre.RESILIEE, date);
    }

    /** Its adhésion is active now and the service knows who it is (the adhesion service announces an activation
     * on its effective date). */
    public boolean estActif() {
        return statut == StatutMembre.ACTIVE && description != null;
    }

    private boolean changerStatut(StatutMembre nouveau, Instant date) {
        if (estPlusAncien(date)) {
            return false;
        }
        statut = nouveau;
        derniereMiseAJour = date;
        return true;
    }

    private boolean estPlusAncien(Instant date) {
        Objects.requireNonNull(date, "event time");
        return derniereMiseAJour != null && date.isBefore(derniereMiseAJour);
    }

    public Siren siren() {
        return siren;
    }

    public Optional<DescriptionMembre> description() {
        return Optional.ofNullable(description);
    }

    public Optional<StatutMembre> statut() {
        return Optional.ofNullable(statut);
    }

    public Optional<Instant> derniereMiseAJour() {
        return Optional.ofNullable(derniereMiseAJour);
    }
}
