package fr.centraleachat.marche.analyse.application;

import fr.centraleachat.contracts.Evenements;
import fr.centraleachat.contracts.marche.LotAttribueV1;
import fr.centraleachat.contracts.marche.LotInfructueuxV1;
import fr.centraleachat.contracts.marche.MarcheNotifieV1;
import fr.centraleachat.contracts.marche.AvenantConcluV1;
import fr.centraleachat.contracts.marche.MarcheResilieV1;
import fr.centraleachat.marche.analyse.domain.Avenant;
import fr.centraleachat.marche.analyse.domain.BaseLegaleAvenant;
import fr.centraleachat.kernel.Montant;
import fr.centraleachat.marche.analyse.domain.FormeMarche;
import fr.centraleachat.marche.analyse.domain.FormePrix;
import fr.centraleachat.marche.analyse.domain.Marche;
import fr.centraleachat.marche.analyse.domain.StatutLot;
import fr.centraleachat.marche.consultation.application.ServiceConsultations;
import fr.centraleachat.marche.consultation.domain.Lot;
import java.time.Instant;
import java.time.LocalDate;
import fr.centraleachat.kernel.RessourceIntrouvableException;
import fr.centraleachat.kernel.TransitionInterditeException;
import fr.centraleachat.marche.analyse.domain.AnalyseLot;
import fr.centraleachat.marche.analyse.domain.EvenementAnalyse;
import fr.centraleachat.marche.analyse.domain.Note;
import fr.centraleachat.marche.analyse.domain.Offre;
import fr.centraleachat.marche.consultation.application.Consultations;
import fr.centraleachat.marche.consultation.domain.Consultation;
import fr.centraleachat.marche.consultation.domain.ConsultationId;
import fr.centraleachat.marche.journal.application.Auteurs;
import fr.centraleachat.marche.journal.application.MessagesJournal;
import fr.centraleachat.marche.journal.domain.ActionJournal;
import fr.centraleachat.marche.pli.application.ServicePlis;
import fr.centraleachat.marche.reglementation.HeureDeParis;
import fr.centraleachat.support.outbox.FabriqueMessages;
import fr.centraleachat.support.outbox.MessageSortant;
import fr.centraleachat.support.security.Acteur;
import fr.centraleachat.support.security.Role;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * The acheteur's analysis of each lot once the plis are opened: it starts from the offers in force (decrypted by
 * the vault, which refuses before the opening), then records each decision with its journal entry, and announces
 * the award or the infructuosité of a lot.
 */
@Service
public class ServiceAnalyse {

    private final Consultations consultations;
    private final Analyses analyses;
    private final ServicePlis plis;
    private final MessagesJournal journal;
    private final FabriqueMessages fabrique;
    private final Clock horloge;
    private final NumerotationMarches numerotation;
    private final ServiceConsultations consultationsService;
    private final BigDecimal seuilPrixBas;
    private final LettresDeRejet lettres;
    private final fr.centraleachat.marche.reglementation.GrilleDesSeuils seuils;

    ServiceAnalyse(Consultations consultations, Analyses analyses, ServicePlis plis, MessagesJournal journal,
            FabriqueMessages fabrique, Clock horloge, NumerotationMarches numerotation,
            ServiceConsultations consultationsService, LettresDeRejet lettres,
            fr.centraleachat.marche.reglementation.GrilleDesSeuils seuils,
            @Value("${centrale.analyse.seuil-prix-anormalement-bas-pourcent:30}") BigDecimal seuilPrixBas) {
        this.lettres = lettres;
        this.seuils = seuils;
        this.consultations = consultations;
        this.analyses = analyses;
        this.plis = plis;
        this.journal = journal;
        this.fabrique = fabrique;
        this.horloge = horloge;
        this.numerotation = numerotation;
        this.consultationsService = consultationsService;
        this.seuilPrixBas = seuilPrixBas;
    }

    /** The lot's analysis; started at the first read after the opening from the offers then in force. */
    public AnalyseLot analyse(String consultationId, int lot, Acteur acteur) {
        acteur.exiger(Role.ACHETEUR, Role.ADMIN);
        return chargerOuOuvrir(consultationId, lot);
    }

    public AnalyseLot noter(String consultationId, int lot, String numeroPli, String critere, Note note, Acteur acteur) {
        return changer(consultationId, lot, acteur, a -> a.noter(numeroPli, critere, note));
    }

    public AnalyseLot exclure(String consultationId, int lot, String numeroPli, Offre.Exclusion exclusion,
            Acteur acteur) {
        return changer(consultationId, lot, acteur, a -> a.exclure(numeroPli, exclusion));
    }

    public AnalyseLot examinerPrixBas(String consultationId, int lot, String numeroPli, Offre.DecisionPrixBas decision,
            Acteur acteur) {
        return changer(consultationId, lot, acteur, a -> a.examinerPrixBas(numeroPli, decision));
    }

    public AnalyseLot attribuer(String consultationId, int lot, String numeroPli, String justification, Acteur acteur) {
        return changer(consultationId, lot, acteur, a -> a.attribuer(numeroPli, justification, horloge.instant()));
    }

    public AnalyseLot declarerInfructueux(String consultationId, int lot, String raison, Acteur acteur) {
        return changer(consultationId, lot, acteur, a -> a.declarerInfructueux(raison, horloge.instant()));
    }

    /**
     * Concludes an avenant to the lot's notified marché within its legal limits (thresholds in force on its date):
     * announced (AvenantConclu) and journaled.
     */
    public AnalyseLot conclureAvenant(String consultationId, int lot, BaseLegaleAvenant base, BigDecimal montant,
            java.time.LocalDate nouvelleDateFin, String justification, java.time.LocalDate date, Acteur acteur) {
        return changer(consultationId, lot, acteur, a -> a.conclureAvenant(base, montant, nouvelleDateFin,
                justification, date, date == null ? null : seuils.seuilsAu(date), horloge.instant()));
    }

    /** Terminates the lot's notified marché from {@code dateEffet}: announced (MarcheResilie) and journaled. */
    public AnalyseLot resilier(String consultationId, int lot, java.time.LocalDate dateEffet, String motif,
            Acteur acteur) {
        return changer(consultationId, lot, acteur, a -> a.resilier(dateEffet, motif, horloge.instant()));
    }

    /**
     * Sends the rejection letters: each is written and stored first, then their sending is recorded with the
     * analysis (one write); if that write fails, the letters just stored are removed.
     */
    public AnalyseLot envoyerRejets(String consultationId, int lot, boolean electronique, Acteur acteur) {
        acteur.exiger(Role.ACHETEUR);
        AnalyseLot analyse = chargerOuOuvrir(consultationId, lot);
        Consultation consultation = consultation(consultationId);
        Instant maintenant = horloge.instant();
        List<AnalyseLot.LettreDeRejet> ecrites = lettres.rediger(consultation, analyse, maintenant,
                analyse.finDeSuspension(maintenant, electronique, false));
        try {
            analyse.envoyerRejets(maintenant, electronique, false, ecrites);
            analyses.enregistrer(analyse, messages(analyse, acteur));
        } catch (RuntimeException echec) {
            lettres.supprimer(ecrites);
            throw echec;
        }
        suivreLaConsultation(consultationId, acteur);
        return analyses.trouver(consultationId, lot).orElseThrow();
    }

    /** The rapport d'analyse des offres of the lot, as the analysis stands. */
    public RapportAnalyse rapport(String consultationId, int lot, Acteur acteur) {
        acteur.exiger(Role.ACHETEUR, Role.ADMIN);
        AnalyseLot analyse = chargerOuOuvrir(consultationId, lot);
        return RapportAnalyse.de(consultation(consultationId), analyse, horloge.instant());
    }

    /**
     * A rejection letter as it was sent: to the acheteur and the admin, and to the bidder it was sent to (any other
     * supplier is answered as if it did not exist).
     */
    public AnalyseLot.LettreDeRejet lettreDeRejet(String consultationId, int lot, String numeroPli, Acteur acteur) {
        acteur.exiger(Role.ACHETEUR, Role.ADMIN, Role.FOURNISSEUR);
        RessourceIntrouvableException introuvable = new RessourceIntrouvableException("Aucune lettre de rejet pour "
                + "l'offre " + numeroPli + " du lot " + lot + ".");
        AnalyseLot.LettreDeRejet lettre = analyses.trouver(consultationId, lot).flatMap(AnalyseLot::rejets)
                .flatMap(r -> r.lettres().stream().filter(l -> l.numeroPli().equals(numeroPli)).findFirst())
                .orElseThrow(() -> introuvable);
        if (!acteur.a(Role.ACHETEUR) && !acteur.a(Role.ADMIN)
                && !acteur.siret().map(lettre.destinataire()::equals).orElse(false)) {
            throw introuvable;
        }
        return lettre;
    }

    public void lire(AnalyseLot.LettreDeRejet lettre, java.io.OutputStream sortie) throws java.io.IOException {
        lettres.lire(lettre, sortie);
    }

    private Consultation consultation(String consultationId) {
        return consultations.trouver(ConsultationId.de(consultationId))
                .orElseThrow(() -> new RessourceIntrouvableException("Consultation " + consultationId + " introuvable."))
                .consultation();
    }

    /** What the acheteur states at notification; the rest of the marché comes from the consultation and the offer. */
    public record Notification(FormeMarche forme, FormePrix formePrix, Montant montantMaximumHt,
            Montant montantMinimumHt, int dureeMois, LocalDate dateDebut) {
    }

    /** Notifies the marché of an attributed lot, after the standstill: the marché is created and announced. */
    public AnalyseLot notifier(String consultationId, int lot, Notification notification, Acteur acteur) {
        acteur.exiger(Role.ACHETEUR);
        Consultation consultation = consultations.trouver(ConsultationId.de(consultationId))
                .orElseThrow(() -> new RessourceIntrouvableException("Consultation " + consultationId + " introuvable."))
                .consultation();
        return changer(consultationId, lot, acteur, analyse -> {
            AnalyseLot.Attribution attribution = analyse.attribution().orElseThrow(() ->
                    new TransitionInterditeException(analyse.statut().name(), "Impossible de notifier le marché : le lot "
                            + lot + " n'est pas attribué."));
            Offre titulaire = analyse.offre(attribution.numeroPli());
            Instant maintenant = horloge.instant();
            Lot leLot = consultation.lots().liste().stream().filter(l -> l.numero() == lot).findFirst().orElseThrow();
            String numero = numerotation.numeroDeConsultation(consultationId, HeureDeParis.date(maintenant).getYear())
                    + "-L" + lot;
            List<Marche.PrixUnitaire> prix = plis.offresOuvertes(consultationId, lot).stream()
                    .filter(o -> o.numeroPli().equals(attribution.numeroPli())).findFirst()
                    .map(o -> o.prixUnitaires().stream().map(p -> new Marche.PrixUnitaire(p.reference(),
                            p.prixUnitaireHt())).toList()).orElse(List.of());
            var groupement = consultation.mutualisation().groupement();
            analyse.notifier(new Marche(numero, consultationId, lot, consultation.objet(), leLot.intitule(),
                    titulaire.soumissionnaire(), titulaire.raisonSociale(), notification.forme(),
                    notification.formePrix(), titulaire.prixHt(), notification.montantMaximumHt(),
                    notification.montantMinimumHt(), notification.dureeMois(), notification.dateDebut(),
                    consultation.beneficiaires().membres(), leLot.cpvOuPrincipal(consultation.cpvPrincipal()),
                    consultation.contenu().familleAchat(), consultation.nature(), consultation.procedure().orElseThrow(),
                    consultation.datePublication().orElse(null), maintenant, analyse.offresRecues(), prix,
                    groupement == null ? null : groupement.id(), groupement == null ? null : groupement.coordonnateur()),
                    maintenant);
        });
    }

    private AnalyseLot changer(String consultationId, int lot, Acteur acteur, Consumer<AnalyseLot> decision) {
        acteur.exiger(Role.ACHETEUR);
        AnalyseLot analyse = chargerOuOuvrir(consultationId, lot);
        decision.accept(analyse);
        analyses.enregistrer(analyse, messages(analyse, acteur));
        suivreLaConsultation(consultationId, acteur);
        return analyses.trouver(consultationId, lot).orElseThrow();
    }

    /** The consultation follows its lots (ATTRIBUEE, then NOTIFIEE); re-run after each decision, so it catches up. */
    private void suivreLaConsultation(String consultationId, Acteur acteur) {
        ConsultationId id = ConsultationId.de(consultationId);
        Consultation consultation = consultations.trouver(id).orElseThrow().consultation();
        List<StatutLot> statuts = consultation.lots().liste().stream()
                .map(l -> analyses.trouver(consultationId, l.numero()).map(AnalyseLot::statut).orElse(StatutLot.OUVERT))
                .toList();
        boolean unAttribue = statuts.stream().anyMatch(s -> s == StatutLot.ATTRIBUE || s == StatutLot.NOTIFIE);
        boolean tousTermines = statuts.stream().allMatch(s -> s == StatutLot.NOTIFIE || s == StatutLot.INFRUCTUEUX);
        boolean unNotifie = statuts.contains(StatutLot.NOTIFIE);
        consultationsService.suivreLesLots(id, unAttribue, tousTermines, unNotifie, acteur);
    }

    private AnalyseLot chargerOuOuvrir(String consultationId, int lot) {
        // Only staff reach this point: a draft is known to them, and answered "not opened yet" like any other.
        Consultation consultation = consultations.trouver(ConsultationId.de(consultationId))
                .orElseThrow(() -> new RessourceIntrouvableException("Consultation " + consultationId + " introuvable."))
                .consultation();
        if (consultation.lots().liste().stream().noneMatch(l -> l.numero() == lot)) {
            throw new RessourceIntrouvableException("La consultation n'a pas de lot " + lot + ".");
        }
        var existante = analyses.trouver(consultationId, lot);
        if (existante.isPresent()) {
            return existante.get();
        }
        if (!consultation.plisOuverts()) {
            throw new TransitionInterditeException(consultation.statut().name(),
                    "L'analyse commence après l'ouverture des plis : l'état actuel est " + consultation.statut() + ".");
        }
        List<Offre> offres = plis.offresOuvertes(consultationId, lot).stream()
                .map(o -> new Offre(o.numeroPli(), o.soumissionnaire(), o.raisonSociale(), o.prixHt(), o.recuLe(),
                        null, null, null)).toList();
        Lot leLot = consultation.lots().liste().stream().filter(l -> l.numero() == lot).findFirst().orElseThrow();
        AnalyseLot nouvelle = AnalyseLot.ouvrir(consultationId, lot, consultation.procedure().orElseThrow(),
                leLot.criteresOu(consultation.criteres()).liste(), seuilPrixBas, offres);
        try {
            analyses.enregistrer(nouvelle, List.of());
        } catch (DuplicateKeyException premiereLecture) {
            // Two first reads at once: the analysis stored first is the lot's.
        }
        return analyses.trouver(consultationId, lot).orElseThrow();
    }

    /** The journal entry of each decision, and the public events of an award or an infructuosité. */
    private List<MessageSortant> messages(AnalyseLot analyse, Acteur acteur) {
        ConsultationId consultation = ConsultationId.de(analyse.consultationId());
        var auteur = Auteurs.de(acteur);
        List<MessageSortant> messages = new ArrayList<>();
        String lot = "Lot " + analyse.lot() + " : ";
        for (EvenementAnalyse evenement : analyse.evenementsEnAttente()) {
            if (evenement instanceof EvenementAnalyse.OffreNotee notee) {
                Note note = analyse.offre(notee.numeroPli()).notes().get(notee.critere());
                messages.add(journal.message(consultation, auteur, ActionJournal.NOTATION, lot + "offre "
                        + notee.numeroPli() + " notée " + note.valeur().toPlainString() + " sur le critère « "
                        + notee.critere() + " ». " + note.commentaire()));
            } else if (evenement instanceof EvenementAnalyse.OffreExclue exclue) {
                messages.add(journal.message(consultation, auteur, ActionJournal.EXCLUSION, lot + "offre "
                        + exclue.numeroPli() + " exclue (" + exclue.motif() + ") : "
                        + analyse.offre(exclue.numeroPli()).exclusion().raison()));
            } else if (evenement instanceof EvenementAnalyse.PrixBasExamine examen) {
                messages.add(journal.message(consultation, auteur, ActionJournal.EXAMEN_PRIX_BAS, lot + "offre "
                        + examen.numeroPli() + " anormalement basse, justification " + (examen.justifie()
                                ? "acceptée" : "rejetée") + " : "
                        + analyse.offre(examen.numeroPli()).decisionPrixBas().raison()));
            } else if (evenement instanceof EvenementAnalyse.LotAttribue attribue) {
                AnalyseLot.Attribution attribution = analyse.attribution().orElseThrow();
                Offre titulaire = analyse.offre(attribution.numeroPli());
                messages.add(journal.message(consultation, auteur, ActionJournal.ATTRIBUTION, lot + "attribué à "
                        + nom(titulaire) + " (SIRET " + titulaire.soumissionnaire().valeur() + ", offre "
                        + attribution.numeroPli() + ")" + (attribution.choixHorsClassement()
                                ? " — offre non classée première, justification : " + attribution.justification()
                                : ", offre classée première.")));
                messages.add(fabrique.message(Evenements.LOT_ATTRIBUE, analyse.consultationId(), new LotAttribueV1(
                        analyse.consultationId(), analyse.lot(), titulaire.soumissionnaire().valeur(),
                        titulaire.raisonSociale(), titulaire.prixHt().valeurHt(), attribue.choixHorsClassement(),
                        attribue.le())));
            } else if (evenement instanceof EvenementAnalyse.LotInfructueux infructueux) {
                messages.add(journal.message(consultation, auteur, ActionJournal.INFRUCTUEUX, lot + "déclaré "
                        + "infructueux : " + infructueux.raison()));
                messages.add(fabrique.message(Evenements.LOT_INFRUCTUEUX, analyse.consultationId(),
                        new LotInfructueuxV1(analyse.consultationId(), analyse.lot(), infructueux.raison(),
                                infructueux.le())));
            } else if (evenement instanceof EvenementAnalyse.RejetsEnvoyes rejets) {
                AnalyseLot.Rejets envoyes = analyse.rejets().orElseThrow();
                messages.add(journal.message(consultation, auteur, ActionJournal.ENVOI_REJETS, lot
                        + envoyes.lettres().size() + " lettre(s) de rejet envoyée(s) ; " + (rejets.finSuspension() == null
                                ? "pas de délai de suspension."
                                : "délai de suspension jusqu'au " + HeureDeParis.formater(rejets.finSuspension()) + ".")));
                for (AnalyseLot.LettreDeRejet lettre : envoyes.lettres()) {
                    messages.add(journal.message(consultation, auteur, ActionJournal.LETTRE_DE_REJET, lot
                            + "lettre de rejet à " + nom(analyse.offre(lettre.numeroPli())) + " (SIRET "
                            + lettre.destinataire().valeur() + ", offre " + lettre.numeroPli() + "), SHA-256 "
                            + lettre.fichier().sha256() + "."));
                }
                messages.add(fabrique.message(LettresDeRejetEnvoyeesV1.TYPE, LettresDeRejetEnvoyeesV1.TOPIC,
                        LettresDeRejetEnvoyeesV1.SOURCE, LettresDeRejetEnvoyeesV1.SCHEMA, analyse.consultationId(),
                        new LettresDeRejetEnvoyeesV1(analyse.consultationId(), analyse.lot(), envoyes.electronique())));
            } else if (evenement instanceof EvenementAnalyse.LotNotifie notifie) {
                Marche m = analyse.marche().orElseThrow();
                messages.add(journal.message(consultation, auteur, ActionJournal.NOTIFICATION, lot + "marché "
                        + notifie.numeroMarche() + " notifié à " + nom(analyse.offre(analyse.attribution().orElseThrow()
                                .numeroPli())) + " (" + m.forme() + ", " + m.dureeMois() + " mois à compter du "
                        + m.dateDebut() + ")."));
                messages.add(fabrique.message(Evenements.MARCHE_NOTIFIE, analyse.consultationId(), evenement(m)));
            } else if (evenement instanceof EvenementAnalyse.AvenantConclu conclu) {
                Avenant av = analyse.avenants().get(conclu.numeroAvenant() - 1);
                messages.add(journal.message(consultation, auteur, ActionJournal.AVENANT, lot + "avenant n° "
                        + av.numero() + " au marché " + conclu.numeroMarche() + " (" + av.baseLegale().article() + ", "
                        + av.baseLegale().libelle() + ") : " + av.montantHt().toPlainString() + " € HT"
                        + (av.nouvelleDateFin() == null ? "" : ", fin au " + av.nouvelleDateFin()) + " ; "
                        + av.justification()));
                messages.add(fabrique.message(Evenements.AVENANT_CONCLU, analyse.consultationId(),
                        new AvenantConcluV1(conclu.numeroMarche(), analyse.consultationId(), analyse.lot(),
                                av.numero(), av.baseLegale().name(), av.montantHt(),
                                analyse.montantInitial().valeurHt(), analyse.montantActuel(),
                                analyse.marche().orElseThrow().forme().estAccordCadre(), av.nouvelleDateFin(),
                                analyse.dateFinActuelle(), av.justification(), av.date(), av.le())));
            } else if (evenement instanceof EvenementAnalyse.MarcheResilie resilie) {
                AnalyseLot.Resiliation r = analyse.resiliation().orElseThrow();
                messages.add(journal.message(consultation, auteur, ActionJournal.RESILIATION, lot + "marché "
                        + resilie.numeroMarche() + " résilié à compter du " + r.dateEffet() + " : " + r.motif()));
                messages.add(fabrique.message(Evenements.MARCHE_RESILIE, analyse.consultationId(),
                        new MarcheResilieV1(resilie.numeroMarche(), analyse.consultationId(), analyse.lot(),
                                r.dateEffet(), r.motif(), r.le())));
            }
        }
        return messages;
    }

    private static MarcheNotifieV1 evenement(Marche m) {
        return new MarcheNotifieV1(m.numero(), m.consultationId(), m.lot(), m.objet(), m.intituleLot(),
                m.titulaireSiret().valeur(), m.titulaireRaisonSociale(), m.forme().name(), m.formePrix().name(),
                m.montantHt().valeurHt(), m.montantMaximumHt() == null ? null : m.montantMaximumHt().valeurHt(),
                m.montantMinimumHt() == null ? null : m.montantMinimumHt().valeurHt(), m.dureeMois(), m.dateDebut(),
                m.dateFin(), m.beneficiaires().stream().map(fr.centraleachat.kernel.Siren::valeur).toList(),
                m.cpv().valeur(), m.familleAchat() == null ? null : m.familleAchat().name(), m.nature().name(),
                m.procedure().name(), m.datePublication(), m.dateNotification(), m.offresRecues(),
                m.prixUnitaires().stream().map(p -> new MarcheNotifieV1.PrixUnitaire(p.reference(),
                        p.prixUnitaireHt().valeurHt())).toList(), m.groupementId(),
                m.coordonnateur() == null ? null : m.coordonnateur().valeur());
    }

    private static String nom(Offre offre) {
        return offre.raisonSociale() == null || offre.raisonSociale().isBlank() ? "l'entreprise" : offre.raisonSociale();
    }
}
