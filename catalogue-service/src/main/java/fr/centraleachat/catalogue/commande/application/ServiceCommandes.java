package fr.centraleachat.catalogue.commande.application;

import fr.centraleachat.catalogue.commande.domain.BonDeCommande;
import fr.centraleachat.catalogue.commande.domain.EvenementBonDeCommande;
import fr.centraleachat.catalogue.commande.domain.LigneCommande;
import fr.centraleachat.catalogue.commande.domain.StatutBonDeCommande;
import fr.centraleachat.catalogue.contrat.application.Contrats;
import fr.centraleachat.catalogue.contrat.domain.Consommation;
import fr.centraleachat.catalogue.contrat.domain.Contrat;
import fr.centraleachat.catalogue.contrat.domain.StatutContrat;
import fr.centraleachat.support.membre.Membres;
import fr.centraleachat.kernel.membre.Membre;
import fr.centraleachat.catalogue.souscription.application.Souscriptions;
import fr.centraleachat.catalogue.souscription.domain.Souscription;
import fr.centraleachat.contracts.Evenements;
import fr.centraleachat.contracts.catalogue.BonDeCommandeAnnuleV1;
import fr.centraleachat.contracts.catalogue.BonDeCommandeEmisV1;
import fr.centraleachat.contracts.catalogue.BonDeCommandeLivreV1;
import fr.centraleachat.contracts.catalogue.SeuilConsommationAtteintV1;
import fr.centraleachat.kernel.AccesRefuseException;
import fr.centraleachat.kernel.Montant;
import fr.centraleachat.kernel.RessourceIntrouvableException;
import fr.centraleachat.kernel.Siren;
import fr.centraleachat.kernel.TransitionInterditeException;
import fr.centraleachat.kernel.ValeurInvalideException;
import fr.centraleachat.support.outbox.FabriqueMessages;
import fr.centraleachat.support.outbox.MessageSortant;
import fr.centraleachat.support.security.Acteur;
import fr.centraleachat.support.security.Role;
import fr.centraleachat.support.web.PageDemandee;
import fr.centraleachat.support.web.PageVue;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Purchase orders: an agent of a subscribed member drafts an order at the prices in force, then issues it. Issuing
 * first reserves the amount on the contract's maximum (one conditional update: the maximum holds whatever the
 * concurrency and the number of instances), then saves the order as issued with its events, and announces each
 * consumption threshold (80, 100 %) once.
 */
@Service
public class ServiceCommandes {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final BonsDeCommande bons;
    private final Contrats contrats;
    private final Souscriptions souscriptions;
    private final Membres membres;
    private final PrixEnVigueur prix;
    private final FabriqueMessages fabrique;
    private final Clock horloge;

    public ServiceCommandes(BonsDeCommande bons, Contrats contrats, Souscriptions souscriptions, Membres membres,
            PrixEnVigueur prix, FabriqueMessages fabrique, Clock horloge) {
        this.bons = bons;
        this.contrats = contrats;
        this.souscriptions = souscriptions;
        this.membres = membres;
        this.prix = prix;
        this.fabrique = fabrique;
        this.horloge = horloge;
    }

    /** What an agent asks for: item references and quantities. */
    public record LigneDemandee(String reference, BigDecimal quantite) {
    }

    public BonDeCommande rediger(String numeroContrat, List<LigneDemandee> lignes, String adresseLivraison,
            Acteur acteur) {
        acteur.exiger(Role.AGENT);
        Siren siren = acteur.membreDeLAgent();
        Contrat contrat = contratCommandable(numeroContrat, siren);
        LocalDate jour = aujourdhui();
        List<LigneCommande> pricees = new ArrayList<>();
        List<String> inconnues = new ArrayList<>();
        for (LigneDemandee demandee : lignes) {
            Optional<PrixEnVigueur.Article> article = prix.prix(numeroContrat, demandee.reference(), jour);
            if (article.isEmpty()) {
                inconnues.add(demandee.reference());
                continue;
            }
            PrixEnVigueur.Article a = article.get();
            pricees.add(new LigneCommande(a.reference(), a.designation(), a.unite(), demandee.quantite(),
                    a.prixUnitaireHt(), a.tauxTva()));
        }
        if (!inconnues.isEmpty()) {
            throw new ValeurInvalideException("lignes", "Articles absents de la liste de prix en vigueur le " + jour
                    + " : " + String.join(", ", inconnues.stream().limit(20).toList()) + ".");
        }
        BonDeCommande bon = BonDeCommande.rediger(bons.prochainNumero(siren, jour.getYear()), numeroContrat, siren,
                contrat.titulaireSiret(), jour, pricees, adresseLivraison);
        bons.enregistrer(bon, List.of());
        return bons.trouver(bon.numero()).orElseThrow();
    }

    /**
     * Issues a draft. Over the remaining amount: 409 naming it, nothing changed. A retried issue after a failure
     * between the reservation and the order's save finds its reservation and consumes nothing twice.
     */
    public BonDeCommande emettre(String numero, Acteur acteur) {
        BonDeCommande bon = bonDeLAgent(numero, acteur);
        if (bon.statut() != StatutBonDeCommande.BROUILLON) {
            throw TransitionInterditeException.depuis(bon.statut(), "émettre le bon " + numero);
        }
        Contrat contrat = contratCommandable(bon.numeroContrat(), bon.siren());
        Montant montant = new Montant(bon.montantHt());
        Contrats.Reservation reservation = contrats.reserver(contrat.numero(), numero, montant);
        if (!reservation.acceptee()) {
            throw new TransitionInterditeException("MAXIMUM_ATTEINT", "Le montant du bon (" + montant
                    + ") dépasse le montant restant du contrat " + contrat.numero() + " : " + reservation.restant()
                    + ".");
        }
        Instant maintenant = horloge.instant();
        bon.emettre(maintenant);
        List<MessageSortant> messages = new ArrayList<>(messages(bon));
        Montant avant = new Montant(reservation.consommeApres().valeurHt().subtract(montant.valeurHt()));
        Consommation consommationAvant = new Consommation(contrat.consommation().maximum(), avant,
                contrat.consommation().seuilsAtteints());
        List<Integer> seuilsMarques = new ArrayList<>();
        for (int seuil : consommationAvant.seuilsFranchis(reservation.consommeApres())) {
            if (contrats.marquerSeuil(contrat.numero(), seuil)) {
                seuilsMarques.add(seuil);
                messages.add(fabrique.message(Evenements.SEUIL_CONSOMMATION_ATTEINT, contrat.numero(),
                        new SeuilConsommationAtteintV1(contrat.numero(), seuil,
                                contrat.consommation().maximum().valeurHt(), reservation.consommeApres().valeurHt(),
                                maintenant)));
            }
        }
        try {
            bons.enregistrer(bon, messages);
        } catch (RuntimeException echec) {
            // Not issued (e.g. issued meanwhile by another request): a reservation made by this call goes back.
            if (reservation.nouvelle()) {
                contrats.annulerReservation(contrat.numero(), numero, montant);
            }
            // Its announcement was to leave with the order: the next order crossing the threshold makes it.
            seuilsMarques.forEach(seuil -> contrats.retirerSeuil(contrat.numero(), seuil));
            throw echec;
        }
        contrats.oublierReservation(contrat.numero(), numero);
        return bons.trouver(numero).orElseThrow();
    }

    /** What {@link #reconcilierReservations} did. */
    public record Reconciliation(int rendues, int oubliees) {
    }

    /**
     * Settles the reservations recorded before {@code avant} that no issue finished: the issuing process died
     * between the reservation and the order's save, or between the save and dropping the record. An order saved as
     * issued (or delivered, or cancelled since) keeps its amount consumed and its record goes; for a draft or an
     * unknown order the amount goes back to the maximum. Each step is a conditional update, so instances doing it
     * at once do it once; a retried issue after it reserves anew.
     */
    public Reconciliation reconcilierReservations(Instant avant) {
        int rendues = 0;
        int oubliees = 0;
        for (Contrats.ReservationEnCours r : contrats.reservationsAnterieures(avant)) {
            Optional<BonDeCommande> bon = bons.trouver(r.numeroBon());
            if (bon.isPresent() && bon.get().statut() != StatutBonDeCommande.BROUILLON) {
                contrats.oublierReservation(r.numeroContrat(), r.numeroBon());
                oubliees++;
            } else {
                contrats.annulerReservation(r.numeroContrat(), r.numeroBon(), r.montant());
                rendues++;
            }
        }
        return new Reconciliation(rendues, oubliees);
    }

    public BonDeCommande livrer(String numero, LocalDate dateLivraison, Acteur acteur) {
        BonDeCommande bon = bonDeLAgent(numero, acteur);
        bon.livrer(dateLivraison, horloge.instant());
        bons.enregistrer(bon, messages(bon));
        return bons.trouver(numero).orElseThrow();
    }

    /** Cancels an issued order (its agent or the acheteur): the order first, then its amount goes back, once. */
    public BonDeCommande annuler(String numero, String motif, Acteur acteur) {
        BonDeCommande bon = acteur.a(Role.ACHETEUR) ? bons.trouver(numero).orElseThrow(() -> introuvable(numero))
                : bonDeLAgent(numero, acteur);
        bon.annuler(motif, horloge.instant());
        bons.enregistrer(bon, messages(bon));
        contrats.rendre(bon.numeroContrat(), numero, new Montant(bon.montantHt()));
        return bons.trouver(numero).orElseThrow();
    }

    public BonDeCommande consulter(String numero, Acteur acteur) {
        BonDeCommande bon = bons.trouver(numero).orElseThrow(() -> introuvable(numero));
        if (acteur.a(Role.ACHETEUR) || acteur.a(Role.ADMIN) || acteur.estAgentDe(bon.siren())
                || (acteur.a(Role.FOURNISSEUR) && acteur.siret().filter(bon.titulaire()::equals).isPresent())) {
            return bon;
        }
        throw introuvable(numero);
    }

    public PageVue<BonDeCommande> lister(String numeroContrat, Acteur acteur, PageDemandee page) {
        if (acteur.a(Role.ACHETEUR) || acteur.a(Role.ADMIN)) {
            return bons.lister(null, null, numeroContrat, page);
        }
        if (acteur.a(Role.AGENT)) {
            return bons.lister(acteur.membreDeLAgent(), null, numeroContrat, page);
        }
        if (acteur.a(Role.FOURNISSEUR) && acteur.siret().isPresent()) {
            return bons.lister(null, acteur.siret().get(), numeroContrat, page);
        }
        throw new AccesRefuseException("Les bons de commande sont consultables par l'acheteur, les agents (ceux de "
                + "leur organisme) et les titulaires (ceux de leurs contrats).");
    }

    /** The acheteur's view of a contract's consumption: per member, and when the maximum will be reached. */
    public record Suivi(Contrat contrat, Map<Siren, BigDecimal> parMembre, LocalDate maximumAtteintLe) {
    }

    public Suivi suivi(String numeroContrat, Acteur acteur) {
        acteur.exiger(Role.ACHETEUR, Role.ADMIN);
        Contrat contrat = contrats.trouver(numeroContrat).orElseThrow(() ->
                new RessourceIntrouvableException("Contrat " + numeroContrat + " introuvable."));
        return new Suivi(contrat, bons.consommationParMembre(numeroContrat), prevision(contrat, aujourdhui()));
    }

    /**
     * At the pace observed since the contract's start (consumption per day), the day the maximum would be reached;
     * null before any consumption or when it would come after the contract's end.
     */
    static LocalDate prevision(Contrat contrat, LocalDate jour) {
        Consommation c = contrat.consommation();
        if (c.consomme().valeurHt().signum() == 0 || jour.isBefore(contrat.dateDebut())) {
            return null;
        }
        if (c.restant().valeurHt().signum() == 0) {
            return jour;
        }
        long jours = ChronoUnit.DAYS.between(contrat.dateDebut(), jour) + 1;
        BigDecimal parJour = c.consomme().valeurHt().divide(BigDecimal.valueOf(jours), 6, RoundingMode.HALF_UP);
        long restants = c.restant().valeurHt().divide(parJour, 0, RoundingMode.CEILING).longValueExact();
        LocalDate date = jour.plusDays(restants);
        return date.isAfter(contrat.dateFin()) ? null : date;
    }

    private Contrat contratCommandable(String numeroContrat, Siren siren) {
        Contrat contrat = contrats.trouver(numeroContrat).filter(c -> c.estBeneficiaire(siren)).orElseThrow(() ->
                new AccesRefuseException("Votre organisme n'est pas bénéficiaire du contrat " + numeroContrat + "."));
        StatutContrat statut = contrat.statut(aujourdhui());
        if (statut != StatutContrat.ACTIF) {
            throw new TransitionInterditeException(statut.name(), "Le contrat " + numeroContrat + " n'est pas actif ("
                    + statut.name() + ") : aucune commande n'est possible.");
        }
        if (!Contrat.ACCORD_CADRE_BONS_DE_COMMANDE.equals(contrat.forme())) {
            throw new TransitionInterditeException(contrat.forme(), "Seul un accord-cadre à bons de commande est "
                    + "exécuté par bons de commande.");
        }
        Souscription souscription = souscriptions.trouver(numeroContrat, siren).orElseThrow(() ->
                new TransitionInterditeException("SANS_SOUSCRIPTION", "Votre organisme n'a pas souscrit au contrat "
                        + numeroContrat + " : souscrivez avant de commander."));
        Membre membre = membres.trouver(siren).orElseGet(() -> Membre.inconnu(siren));
        souscription.verifierPeutCommander(membre);
        return contrat;
    }

    private BonDeCommande bonDeLAgent(String numero, Acteur acteur) {
        acteur.exiger(Role.AGENT);
        BonDeCommande bon = bons.trouver(numero).orElseThrow(() -> introuvable(numero));
        if (!acteur.estAgentDe(bon.siren())) {
            throw introuvable(numero);
        }
        return bon;
    }

    private static RessourceIntrouvableException introuvable(String numero) {
        return new RessourceIntrouvableException("Bon de commande " + numero + " introuvable.");
    }

    private LocalDate aujourdhui() {
        return LocalDate.ofInstant(horloge.instant(), PARIS);
    }

    private List<MessageSortant> messages(BonDeCommande bon) {
        List<MessageSortant> messages = new ArrayList<>();
        for (EvenementBonDeCommande e : bon.evenementsEnAttente()) {
            if (e instanceof EvenementBonDeCommande.BonDeCommandeEmis emis) {
                messages.add(fabrique.message(Evenements.BON_DE_COMMANDE_EMIS, bon.numeroContrat(),
                        new BonDeCommandeEmisV1(bon.numero(), bon.numeroContrat(), bon.siren().valeur(),
                                bon.titulaire().valeur(), bon.montantHt(), bon.montantTva(), bon.montantTtc(),
                                bon.dateCommande(), bon.lignes().stream().map(l -> new BonDeCommandeEmisV1.Ligne(
                                        l.reference(), l.designation(), l.quantite(), l.prixUnitaireHt(), l.tauxTva(),
                                        l.montantHt())).toList(), emis.le())));
            } else if (e instanceof EvenementBonDeCommande.BonDeCommandeLivre livre) {
                messages.add(fabrique.message(Evenements.BON_DE_COMMANDE_LIVRE, bon.numeroContrat(),
                        new BonDeCommandeLivreV1(bon.numero(), bon.numeroContrat(), bon.siren().valeur(),
                                livre.dateLivraison(), livre.le())));
            } else if (e instanceof EvenementBonDeCommande.BonDeCommandeAnnule annule) {
                messages.add(fabrique.message(Evenements.BON_DE_COMMANDE_ANNULE, bon.numeroContrat(),
                        new BonDeCommandeAnnuleV1(bon.numero(), bon.numeroContrat(), bon.siren().valeur(),
                                bon.montantHt(), annule.motif(), annule.le())));
            }
        }
        return messages;
    }
}
