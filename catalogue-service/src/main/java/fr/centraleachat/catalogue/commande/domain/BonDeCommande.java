package fr.centraleachat.catalogue.commande.domain;

import fr.centraleachat.kernel.Siren;
import fr.centraleachat.kernel.Siret;
import fr.centraleachat.kernel.TransitionInterditeException;
import fr.centraleachat.kernel.ValeurInvalideException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A purchase order of a member on a contract. Drafted with the prices in force on its date, then issued (its amount
 * is then consumed from the contract's maximum, which the application reserves first), delivered, or cancelled
 * before delivery (the amount goes back to the maximum).
 */
public final class BonDeCommande {

    public static final int LIGNES_MAX = 500;
    public static final int LONGUEUR_MAX_ADRESSE = 500;

    private final String numero;
    private final String numeroContrat;
    private final Siren siren;
    private final Siret titulaire;
    private final LocalDate dateCommande;
    private final List<LigneCommande> lignes;
    private final String adresseLivraison;
    private StatutBonDeCommande statut;
    private Instant emisLe;
    private LocalDate livreLe;
    private Instant annuleLe;
    private String motifAnnulation;
    private final long version;
    private final boolean nouveau;
    private final List<EvenementBonDeCommande> evenements = new ArrayList<>();

    private BonDeCommande(String numero, String numeroContrat, Siren siren, Siret titulaire, LocalDate dateCommande,
            List<LigneCommande> lignes, String adresseLivraison, StatutBonDeCommande statut, Instant emisLe,
            LocalDate livreLe, Instant annuleLe, String motifAnnulation, long version, boolean nouveau) {
        this.numero = Objects.requireNonNull(numero, "numero");
        this.numeroContrat = Objects.requireNonNull(numeroContrat, "numeroContrat");
        this.siren = Objects.requireNonNull(siren, "siren");
        this.titulaire = Objects.requireNonNull(titulaire, "titulaire");
        this.dateCommande = Objects.requireNonNull(dateCommande, "dateCommande");
        this.lignes = List.copyOf(lignes);
        this.adresseLivraison = adresseLivraison;
        this.statut = Objects.requireNonNull(statut, "statut");
        this.emisLe = emisLe;
        this.livreLe = livreLe;
        this.annuleLe = annuleLe;
        this.motifAnnulation = motifAnnulation;
        this.version = version;
        this.nouveau = nouveau;
    }

    /** A draft: lines priced on {@code dateCommande}, one line per reference. */
    public static BonDeCommande rediger(String numero, String numeroContrat, Siren siren, Siret titulaire,
            LocalDate dateCommande, List<LigneCommande> lignes, String adresseLivraison) {
        if (lignes == null || lignes.isEmpty() || lignes.size() > LIGNES_MAX) {
            throw new ValeurInvalideException("lignes", "Un bon de commande compte de 1 à " + LIGNES_MAX + " lignes.");
        }
        Set<String> references = new HashSet<>();
        for (LigneCommande ligne : lignes) {
            if (!references.add(ligne.reference())) {
                throw new ValeurInvalideException("lignes", "L'article " + ligne.reference()
                        + " figure sur plusieurs lignes : regroupez les quantités.");
            }
        }
        if (adresseLivraison == null || adresseLivraison.isBlank()) {
            throw new ValeurInvalideException("adresseLivraison", "L'adresse de livraison est obligatoire.");
        }
        String adresse = adresseLivraison.strip();
        if (adresse.length() > LONGUEUR_MAX_ADRESSE) {
            throw new ValeurInvalideException("adresseLivraison", "L'adresse de livraison ne doit pas dépasser "
                    + LONGUEUR_MAX_ADRESSE + " caractères.");
        }
        BonDeCommande bon = new BonDeCommande(numero, numeroContrat, siren, titulaire, dateCommande, lignes, adresse,
                StatutBonDeCommande.BROUILLON, null, null, null, null, 0, true);
        if (bon.montantHt().signum() <= 0) {
            throw new ValeurInvalideException("lignes", "Le montant du bon de commande doit être positif.");
        }
        return bon;
    }

    public static BonDeCommande reconstituer(String numero, String numeroContrat, Siren siren, Siret titulaire,
            LocalDate dateCommande, List<LigneCommande> lignes, String adresseLivraison, StatutBonDeCommande statut,
            Instant emisLe, LocalDate livreLe, Instant annuleLe, String motifAnnulation, long version) {
        return new BonDeCommande(numero, numeroContrat, siren, titulaire, dateCommande, lignes, adresseLivraison,
                statut, emisLe, livreLe, annuleLe, motifAnnulation, version, false);
    }

    /** Issued: its amount was reserved on the contract's maximum just before. */
    public void emettre(Instant maintenant) {
        exiger(StatutBonDeCommande.BROUILLON, "émettre le bon de commande");
        statut = StatutBonDeCommande.EMIS;
        emisLe = maintenant;
        evenements.add(new EvenementBonDeCommande.BonDeCommandeEmis(maintenant));
    }

    public void livrer(LocalDate dateLivraison, Instant maintenant) {
        exiger(StatutBonDeCommande.EMIS, "enregistrer la livraison");
        if (dateLivraison == null || dateLivraison.isBefore(dateCommande)) {
            throw new ValeurInvalideException("dateLivraison", "La date de livraison ne peut précéder la date de "
                    + "commande (" + dateCommande + ").");
        }
        statut = StatutBonDeCommande.LIVRE;
        livreLe = dateLivraison;
        evenements.add(new EvenementBonDeCommande.BonDeCommandeLivre(dateLivraison, maintenant));
    }

    /** Cancelled before delivery; the application gives the amount back to the contract's maximum. */
    public void annuler(String motif, Instant maintenant) {
        exiger(StatutBonDeCommande.EMIS, "annuler le bon de commande (seul un bon émis et non livré peut l'être)");
        if (motif == null || motif.isBlank() || motif.length() > 1000) {
            throw new ValeurInvalideException("motif", "Le motif de l'annulation est obligatoire (1000 caractères au plus).");
        }
        statut = StatutBonDeCommande.ANNULE;
        annuleLe = maintenant;
        motifAnnulation = motif.strip();
        evenements.add(new EvenementBonDeCommande.BonDeCommandeAnnule(motifAnnulation, maintenant));
    }

    private void exiger(StatutBonDeCommande attendu, String action) {
        if (statut != attendu) {
            throw new TransitionInterditeException(statut.name(), "Impossible de " + action + " : le bon "
                    + numero + " est " + statut.name() + ".");
        }
    }

    public BigDecimal montantHt() {
        return lignes.stream().map(LigneCommande::montantHt).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public BigDecimal montantTva() {
        return lignes.stream().map(LigneCommande::montantTva).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public BigDecimal montantTtc() {
        return montantHt().add(montantTva());
    }

    public List<EvenementBonDeCommande> evenementsEnAttente() {
        return List.copyOf(evenements);
    }

    public String numero() {
        return numero;
    }

    public String numeroContrat() {
        return numeroContrat;
    }

    public Siren siren() {
        return siren;
    }

    public Siret titulaire() {
        return titulaire;
    }

    public LocalDate dateCommande() {
        return dateCommande;
    }

    public List<LigneCommande> lignes() {
        return lignes;
    }

    public String adresseLivraison() {
        return adresseLivraison;
    }

    public StatutBonDeCommande statut() {
        return statut;
    }

    public Instant emisLe() {
        return emisLe;
    }

    public LocalDate livreLe() {
        return livreLe;
    }

    public Instant annuleLe() {
        return annuleLe;
    }

    public String motifAnnulation() {
        return motifAnnulation;
    }

    public long version() {
        return version;
    }

    public boolean estNouveau() {
        return nouveau;
    }
}
