package fr.centraleachat.marche.opendata.application;

import fr.centraleachat.kernel.RessourceIntrouvableException;
import fr.centraleachat.kernel.TransitionInterditeException;
import fr.centraleachat.kernel.ValeurInvalideException;
import fr.centraleachat.marche.analyse.application.Analyses;
import fr.centraleachat.marche.analyse.domain.AnalyseLot;
import fr.centraleachat.marche.analyse.domain.Avenant;
import fr.centraleachat.marche.analyse.domain.Marche;
import fr.centraleachat.marche.analyse.domain.StatutLot;
import fr.centraleachat.marche.consultation.application.Consultations;
import fr.centraleachat.marche.consultation.domain.ConsultationId;
import fr.centraleachat.marche.opendata.domain.ConversionDecp;
import fr.centraleachat.marche.opendata.domain.Decp;
import fr.centraleachat.marche.opendata.domain.EcheanceDecp;
import fr.centraleachat.marche.opendata.domain.PublicationDecp;
import fr.centraleachat.marche.reglementation.HeureDeParis;
import fr.centraleachat.support.security.Acteur;
import fr.centraleachat.support.security.Role;
import fr.centraleachat.support.web.PageDemandee;
import fr.centraleachat.support.web.PageVue;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The données essentielles (DECP v2) of the marchés of 40 000 € HT or more: one marché's, the file of a period for
 * the national open-data portal, the record of their publication, and what is due and not yet published.
 *
 * <p>Publication: the acheteur sends the file of a period to the portal as {@link #publier} returns it; that call
 * records the day as the publication date of every marché and modification in it not yet recorded (a recorded date
 * never changes). Until then, the data read anywhere carry today's date as their publication date.
 */
@Service
public class ServiceDonneesEssentielles {

    /** A period of at most a year (leap day included): the portal's files are monthly or yearly. */
    public static final int PERIODE_MAX_JOURS = 366;
    /** Far above a centrale's yearly count; a larger period is refused rather than cut. */
    public static final int MARCHES_MAX_PAR_FICHIER = 5_000;
    /** The notified marchés examined for what is due (the oldest are published and skipped quickly). */
    static final int MARCHES_NOTIFIES_MAX = 20_000;

    private final Analyses analyses;
    private final Consultations consultations;
    private final PublicationsDecp publications;
    private final ParametresOpenData.Parametres parametres;
    private final Clock horloge;

    ServiceDonneesEssentielles(Analyses analyses, Consultations consultations, PublicationsDecp publications,
            ParametresOpenData.Parametres parametres, Clock horloge) {
        this.analyses = analyses;
        this.consultations = consultations;
        this.publications = publications;
        this.parametres = parametres;
        this.horloge = horloge;
    }

    /**
     * The file of a period: every marché of 40 000 € HT or more notified, or modified, between {@code du} and
     * {@code au} (Paris dates, included), with all its modifications to date, by marché number. A marché whose
     * acheteur's SIRET is not known is left out (it stays in {@link #aPublier} with the reason).
     */
    public Decp.Fichier fichier(LocalDate du, LocalDate au) {
        return Decp.Fichier.de(contenu(du, au).stream().map(Produit::donnees).toList());
    }

    /** Records the file of the period as published today, and returns it with its publication dates. */
    public Decp.Fichier publier(LocalDate du, LocalDate au, Acteur acteur) {
        acteur.exiger(Role.ACHETEUR);
        LocalDate aujourdhui = aujourdhui();
        for (Produit produit : contenu(du, au)) {
            publications.enregistrer(produit.publication().completee(aujourdhui,
                    produit.analyse().avenants().stream().map(Avenant::numero).toList()));
        }
        return fichier(du, au);
    }

    /** One marché's données essentielles: public once its consultation was published, for the marchés concerned. */
    public Decp.Marche marche(String consultationId, int lot) {
        ConsultationId id = ConsultationId.de(consultationId);
        boolean publiee = consultations.trouver(id).map(f -> f.consultation().aEtePubliee()).orElse(false);
        if (!publiee) {
            throw new RessourceIntrouvableException("Consultation " + consultationId + " introuvable.");
        }
        AnalyseLot analyse = analyses.trouver(id.toString(), lot).filter(a -> a.statut() == StatutLot.NOTIFIE
                || a.marche().isPresent()).orElseThrow(() -> new RessourceIntrouvableException("Aucun marché notifié "
                        + "pour le lot " + lot + " de la consultation " + consultationId + "."));
        Marche marche = analyse.marche().orElseThrow();
        if (!ConversionDecp.estConcerne(marche)) {
            throw new RessourceIntrouvableException("Le marché " + marche.numero() + " n'a pas de données essentielles"
                    + " à publier : son montant est inférieur à " + ConversionDecp.SEUIL_HT.toPlainString() + " € HT.");
        }
        if (parametres.acheteurs().siretDe(marche).isEmpty()) {
            throw new TransitionInterditeException("SIRET_ACHETEUR_INCONNU", parametres.acheteurs().raisonSansSiret(marche));
        }
        PublicationDecp publication = publications.trouver(List.of(marche.numero())).getOrDefault(marche.numero(),
                PublicationDecp.aucune(marche.numero()));
        return produire(analyse, publication, aujourdhui()).orElseThrow();
    }

    /**
     * What is due and not yet recorded as published: the initial data and each modification, with their deadline
     * (2 months after), the soonest deadline first.
     */
    public PageVue<EcheanceDecp> aPublier(PageDemandee page, Acteur acteur) {
        acteur.exiger(Role.ACHETEUR, Role.ADMIN);
        List<AnalyseLot> notifiees = analyses.notifiees(MARCHES_NOTIFIES_MAX).stream()
                .filter(a -> a.marche().map(ConversionDecp::estConcerne).orElse(false)).toList();
        Map<String, PublicationDecp> publiees = publications.trouver(notifiees.stream()
                .map(a -> a.marche().orElseThrow().numero()).toList());
        LocalDate aujourdhui = aujourdhui();
        List<EcheanceDecp> echeances = new ArrayList<>();
        for (AnalyseLot analyse : notifiees) {
            Marche marche = analyse.marche().orElseThrow();
            String anomalie = parametres.acheteurs().siretDe(marche).isPresent() ? null
                    : parametres.acheteurs().raisonSansSiret(marche);
            echeances.addAll(ConversionDecp.echeances(marche, analyse.avenants(), publiees.getOrDefault(
                    marche.numero(), PublicationDecp.aucune(marche.numero())), aujourdhui, anomalie));
        }
        return PageVue.de(echeances, Comparator.comparing(EcheanceDecp::dateLimite)
                .thenComparing(EcheanceDecp::numeroMarche)
                .thenComparing(e -> e.modification() == null ? 0 : e.modification()), page);
    }

    private record Produit(AnalyseLot analyse, PublicationDecp publication, Decp.Marche donnees) {
    }

    private List<Produit> contenu(LocalDate du, LocalDate au) {
        verifierPeriode(du, au);
        List<AnalyseLot> lots = analyses.notifieesOuModifiees(du, au, MARCHES_MAX_PAR_FICHIER + 1);
        if (lots.size() > MARCHES_MAX_PAR_FICHIER) {
            throw new ValeurInvalideException("au", "La période compte plus de " + MARCHES_MAX_PAR_FICHIER
                    + " marchés : réduisez-la.");
        }
        List<AnalyseLot> concernes = lots.stream()
                .filter(a -> a.marche().map(ConversionDecp::estConcerne).orElse(false)).toList();
        Map<String, PublicationDecp> publiees = publications.trouver(concernes.stream()
                .map(a -> a.marche().orElseThrow().numero()).toList());
        LocalDate aujourdhui = aujourdhui();
        List<Produit> produits = new ArrayList<>();
        for (AnalyseLot analyse : concernes) {
            String numero = analyse.marche().orElseThrow().numero();
            PublicationDecp publication = publiees.getOrDefault(numero, PublicationDecp.aucune(numero));
            produire(analyse, publication, aujourdhui).ifPresent(d -> produits.add(new Produit(analyse, publication, d)));
        }
        return produits;
    }

    private Optional<Decp.Marche> produire(AnalyseLot analyse, PublicationDecp publication, LocalDate aujourdhui) {
        Marche marche = analyse.marche().orElseThrow();
        return parametres.acheteurs().siretDe(marche).map(siret -> ConversionDecp.marche(marche, analyse.avenants(),
                siret, parametres.lieu(), publication, aujourdhui));
    }

    private static void verifierPeriode(LocalDate du, LocalDate au) {
        if (du == null) {
            throw new ValeurInvalideException("du", "Le début de la période est obligatoire (AAAA-MM-JJ).");
        }
        if (au == null) {
            throw new ValeurInvalideException("au", "La fin de la période est obligatoire (AAAA-MM-JJ).");
        }
        if (au.isBefore(du)) {
            throw new ValeurInvalideException("au", "La fin de la période (" + au + ") précède son début (" + du + ").");
        }
        if (ChronoUnit.DAYS.between(du, au) + 1 > PERIODE_MAX_JOURS) {
            throw new ValeurInvalideException("au", "La période couvre au plus " + PERIODE_MAX_JOURS + " jours.");
        }
    }

    private LocalDate aujourdhui() {
        return HeureDeParis.date(horloge.instant());
    }
}
