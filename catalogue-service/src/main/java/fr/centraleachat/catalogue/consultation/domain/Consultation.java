package fr.centraleachat.catalogue.consultation.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A consultation as the catalogue shows it to members and suppliers. Open from its publication until it is
 * closed or abandoned; a closed or abandoned consultation is never reopened by a late or repeated publication.
 * Each step answers whether it changed anything.
 */
public final class Consultation {

    private final String id;
    private ContenuConsultation contenu;
    private StatutConsultation statut;

    private Consultation(String id, ContenuConsultation contenu, StatutConsultation statut) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("consultation id is required");
        }
        this.id = id;
        this.contenu = contenu;
        this.statut = statut;
    }

    public static Consultation inconnue(String id) {
        return new Consultation(id, null, null);
    }

    public static Consultation reconstituer(String id, ContenuConsultation contenu, StatutConsultation statut) {
        return new Consultation(id, contenu, statut);
    }

    public boolean publier(ContenuConsultation publie) {
        Objects.requireNonNull(publie);
        if (estTerminee()) {
            // Keep what was published for the record, but do not reopen.
            if (contenu == null) {
                contenu = publie;
                return true;
            }
            return false;
        }
        contenu = publie;
        statut = StatutConsultation.OUVERTE;
        return true;
    }

    public boolean cloturer() {
        if (estTerminee()) {
            return false;
        }
        statut = StatutConsultation.CLOTUREE;
        return true;
    }

    public boolean classerSansSuite() {
        if (statut == StatutConsultation.SANS_SUITE) {
            return false;
        }
        statut = StatutConsultation.SANS_SUITE;
        return true;
    }

    /** Suppliers may still bid: published, not closed nor abandoned, and its deadline not passed. */
    public boolean estOuverte(Instant maintenant) {
        return statut == StatutConsultation.OUVERTE && contenu != null && maintenant.isBefore(contenu.dlro());
    }

    private boolean estTerminee() {
        return statut == StatutConsultation.CLOTUREE || statut == StatutConsultation.SANS_SUITE;
    }

    public String id() {
        return id;
    }

    public Optional<ContenuConsultation> contenu() {
        return Optional.ofNullable(contenu);
    }

    public Optional<StatutConsultation> statut() {
        return Optional.ofNullable(statut);
    }
}
