package fr.centraleachat.catalogue.contrat.application;

import fr.centraleachat.catalogue.contrat.domain.Contrat;
import fr.centraleachat.kernel.Montant;
import fr.centraleachat.kernel.Siren;
import fr.centraleachat.kernel.Siret;
import fr.centraleachat.support.web.PageDemandee;
import fr.centraleachat.support.web.PageVue;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The contracts the catalogue knows, with their consumption. */
public interface Contrats {

    Optional<Contrat> trouver(String numero);

    /** Records a notified marché once per event; its consumption, if it already exists, is left untouched. */
    boolean enregistrerNotification(Contrat contrat, String evenementId);

    /**
     * Records a marché's termination, effective from {@code dateEffet} (no order from that day), once per event.
     *
     * @throws fr.centraleachat.kernel.RessourceIntrouvableException when the contract is unknown
     */
    boolean enregistrerResiliation(String numero, java.time.LocalDate dateEffet, String evenementId);

    /**
     * Applies an avenant once (by event id): the maximum and the remaining amount move by {@code variation}, in one
     * atomic write with the orders' reservations, so none is lost; the contract's stated amount (its maximum for an
     * accord-cadre) becomes {@code nouveauMontant} and its end {@code dateFin}.
     *
     * @return false when the event was already applied
     * @throws fr.centraleachat.kernel.RessourceIntrouvableException when the contract is unknown
     */
    boolean enregistrerAvenant(String numero, java.math.BigDecimal variation, java.math.BigDecimal nouveauMontant,
            boolean accordCadre, java.time.LocalDate dateFin, String evenementId);

    /** Who may see which contracts: all of them, those a member benefits from, or those of a titulaire. */
    record Perimetre(Siren beneficiaire, Siret titulaire) {
        public static final Perimetre TOUS = new Perimetre(null, null);
    }

    PageVue<Contrat> lister(Perimetre perimetre, PageDemandee page);

    /** The outcome of a reservation on the maximum: accepted or not, and the consumption it leaves. */
    record Reservation(boolean acceptee, boolean nouvelle, Montant consommeApres, Montant restant) {
    }

    /**
     * Consumes {@code montant} for order {@code numeroBon} if the remaining amount covers it: one conditional
     * single-document update, so that concurrent orders (from any instance) never exceed the maximum. Reserving again
     * for the same order changes nothing and answers as the first time did (a retried issue).
     */
    Reservation reserver(String numero, String numeroBon, Montant montant);

    /** Undoes an order's reservation whose order could not be saved as issued: the amount goes back, once. */
    void annulerReservation(String numero, String numeroBon, Montant montant);

    /** Forgets the reservation record of an order once the order is saved as issued (its amount stays consumed). */
    void oublierReservation(String numero, String numeroBon);

    /** A reservation still recorded on a contract: the order's save is under way, or it died before its end. */
    record ReservationEnCours(String numeroContrat, String numeroBon, Montant montant, Instant le) {
    }

    /** The reservations recorded before {@code avant}, oldest contracts first. */
    List<ReservationEnCours> reservationsAnterieures(Instant avant);

    /**
     * Records that the consumption reached {@code seuilPourcent}: true for exactly one caller per threshold and
     * contract, whatever the concurrency.
     */
    boolean marquerSeuil(String numero, int seuilPourcent);

    /** Undoes {@link #marquerSeuil} when the order that crossed the threshold could not be saved to announce it. */
    void retirerSeuil(String numero, int seuilPourcent);

    /** Gives a cancelled order's amount back to the maximum, once per order. */
    boolean rendre(String numero, String numeroBon, Montant montant);
}
