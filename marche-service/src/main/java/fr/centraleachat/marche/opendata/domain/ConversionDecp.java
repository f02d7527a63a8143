package fr.centraleachat.marche.opendata.domain;

import fr.centraleachat.kernel.Siret;
import fr.centraleachat.marche.analyse.domain.Avenant;
import fr.centraleachat.marche.analyse.domain.FormeMarche;
import fr.centraleachat.marche.analyse.domain.Marche;
import fr.centraleachat.marche.reglementation.HeureDeParis;
import fr.centraleachat.marche.reglementation.Nature;
import fr.centraleachat.marche.reglementation.Procedure;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A notified marché and its avenants as DECP v2.0.3 données essentielles (R2196-1, arrêté du 22 décembre 2022): due
 * for every marché of 40 000 € HT or more, within 2 months of its notification and of each modification.
 *
 * <p>What the marché does not record is published as the schema's "none" value: not innovative, no advance, no
 * subcontracting declared at notification, a single titulaire (no groupement d'opérateurs), no social or
 * environmental consideration (the award criteria are price, technical value or other), firm definitive prices. The
 * CCAG follows the nature (works: CCAG Travaux; supplies and services: CCAG FCS).
 */
public final class ConversionDecp {

    /** R2196-1: the données essentielles of a marché are published from this amount HT. */
    public static final BigDecimal SEUIL_HT = new BigDecimal("40000");

    /** Within 2 months of the notification or modification. */
    public static final int DELAI_PUBLICATION_MOIS = 2;

    private static final int OBJET_MAX = 1000;

    private ConversionDecp() {
    }

    /** Whether the marché's données essentielles are due: its amount, or an accord-cadre's maximum, from 40 000 € HT. */
    public static boolean estConcerne(Marche marche) {
        return montantInitial(marche).compareTo(SEUIL_HT) >= 0;
    }

    /**
     * The marché's données essentielles as of today.
     *
     * @param acheteur the centrale's SIRET, or the coordonnateur's for a groupement ({@link AcheteursDecp})
     * @param publication what was already published: its dates are kept; what was not is dated {@code aujourdhui},
     *     the day these data are published
     * @throws IllegalArgumentException for a marché under the threshold (nothing is due)
     */
    public static Decp.Marche marche(Marche marche, List<Avenant> avenants, Siret acheteur, Decp.LieuExecution lieu,
            PublicationDecp publication, LocalDate aujourdhui) {
        Objects.requireNonNull(acheteur, "acheteur");
        Objects.requireNonNull(lieu, "lieu");
        if (!estConcerne(marche)) {
            throw new IllegalArgumentException("marché " + marche.numero() + " under the DECP threshold");
        }
        List<Decp.ModificationDe> modifications = new ArrayList<>();
        BigDecimal montant = montantInitial(marche);
        for (Avenant avenant : avenants) {
            montant = montant.add(avenant.montantHt());
            boolean montantChange = avenant.montantHt().signum() != 0;
            modifications.add(new Decp.ModificationDe(new Decp.Modification(avenant.numero(),
                    avenant.nouvelleDateFin() == null ? null : dureeMois(marche.dateDebut(), avenant.nouvelleDateFin()),
                    montantChange ? montant : null, null, avenant.date().toString(),
                    publication.modification(avenant.numero()).orElse(aujourdhui).toString())));
        }
        return new Decp.Marche(marche.numero(), new Decp.Acheteur(acheteur.valeur()), "Marché", objet(marche),
                marche.cpv().valeur().substring(0, 8), new Decp.Techniques(List.of(technique(marche.forme()))),
                new Decp.ModalitesExecution(List.of(modaliteExecution(marche.forme()))), false, ccag(marche.nature()),
                Math.max(1, marche.offresRecues()), false, "Pas de groupement", false, procedure(marche.procedure()),
                lieu, marche.dureeMois(), HeureDeParis.date(marche.dateNotification()).toString(),
                publication.initiale().orElse(aujourdhui).toString(), montantInitial(marche),
                new Decp.TypesPrix(List.of("Définitif ferme")), formePrix(marche), List.of(titulaire(marche.titulaireSiret())),
                new Decp.ConsiderationsSociales(List.of("Pas de considération sociale")),
                new Decp.ConsiderationsEnvironnementales(List.of("Pas de considération environnementale")),
                modifications);
    }

    /**
     * What is due and not yet published for this marché: its initial data, then each modification, each within 2
     * months.
     */
    public static List<EcheanceDecp> echeances(Marche marche, List<Avenant> avenants, PublicationDecp publication,
            LocalDate aujourdhui, String anomalie) {
        List<EcheanceDecp> echeances = new ArrayList<>();
        if (!estConcerne(marche)) {
            return echeances;
        }
        if (publication.initiale().isEmpty()) {
            echeances.add(echeance(marche, EcheanceDecp.Evenement.NOTIFICATION, null,
                    HeureDeParis.date(marche.dateNotification()), aujourdhui, anomalie));
        }
        for (Avenant avenant : avenants) {
            if (publication.modification(avenant.numero()).isEmpty()) {
                echeances.add(echeance(marche, EcheanceDecp.Evenement.MODIFICATION, avenant.numero(), avenant.date(),
                        aujourdhui, anomalie));
            }
        }
        return echeances;
    }

    private static EcheanceDecp echeance(Marche marche, EcheanceDecp.Evenement evenement, Integer modification,
            LocalDate date, LocalDate aujourdhui, String anomalie) {
        LocalDate limite = date.plusMonths(DELAI_PUBLICATION_MOIS);
        return new EcheanceDecp(marche.numero(), marche.consultationId(), marche.lot(), objet(marche), evenement,
                modification, date, limite, aujourdhui.isAfter(limite), anomalie);
    }

    /** The amount the DECP publish: the marché's, or an accord-cadre's maximum ("montant estimé maximum"). */
    public static BigDecimal montantInitial(Marche marche) {
        return marche.forme().estAccordCadre() ? marche.montantMaximumHt().valeurHt() : marche.montantHt().valeurHt();
    }

    /** The new total duration in whole months, from the start to the new end (a started month counts). */
    static int dureeMois(LocalDate debut, LocalDate nouvelleFin) {
        LocalDate finExclue = nouvelleFin.plusDays(1);
        long mois = ChronoUnit.MONTHS.between(debut, finExclue);
        if (debut.plusMonths(mois).isBefore(finExclue)) {
            mois++;
        }
        return (int) Math.max(1, mois);
    }

    static String objet(Marche marche) {
        String objet = marche.objet() == null ? "" : marche.objet().strip();
        if (marche.intituleLot() != null && !marche.intituleLot().isBlank()) {
            objet = objet + " - lot " + marche.lot() + " : " + marche.intituleLot().strip();
        }
        return objet.length() <= OBJET_MAX ? objet : objet.substring(0, OBJET_MAX - 1) + "…";
    }

    static String procedure(Procedure procedure) {
        return switch (procedure) {
            case DISPENSE -> "Marché passé sans publicité ni mise en concurrence préalable";
            case MAPA -> "Procédure adaptée";
            case APPEL_OFFRES_OUVERT -> "Appel d'offres ouvert";
        };
    }

    static String ccag(Nature nature) {
        return nature == Nature.TRAVAUX ? "Travaux" : "Fournitures courantes et services";
    }

    private static String technique(FormeMarche forme) {
        return forme.estAccordCadre() ? "Accord-cadre" : "Sans objet";
    }

    private static String modaliteExecution(FormeMarche forme) {
        return switch (forme) {
            case ACCORD_CADRE_BONS_DE_COMMANDE -> "Bons de commande";
            case ACCORD_CADRE_MARCHES_SUBSEQUENTS -> "Marchés subséquents";
            case MARCHE_ORDINAIRE -> "Sans objet";
        };
    }

    private static String formePrix(Marche marche) {
        return switch (marche.formePrix()) {
            case UNITAIRE -> "Unitaire";
            case FORFAITAIRE -> "Forfaitaire";
            case MIXTE -> "Mixte";
        };
    }

    private static Decp.TitulaireDe titulaire(Siret siret) {
        return new Decp.TitulaireDe(new Decp.Titulaire("SIRET", siret.valeur()));
    }
}
