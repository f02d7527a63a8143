package fr.centraleachat.marche.analyse.application;

import fr.centraleachat.marche.analyse.domain.AnalyseLot;
import fr.centraleachat.marche.analyse.domain.Classement;
import fr.centraleachat.marche.analyse.domain.Offre;
import fr.centraleachat.marche.consultation.domain.Consultation;
import fr.centraleachat.marche.consultation.domain.CritereAttribution;
import fr.centraleachat.support.edition.DocumentPdf;
import fr.centraleachat.marche.fichier.application.StockageFichiers;
import fr.centraleachat.marche.fichier.domain.FichierStocke;
import fr.centraleachat.marche.reglementation.HeureDeParis;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Writes the rejection letter of each offer not retained (R2181-1 and R2181-3): why it was not retained, its score
 * and rank, the titulaire's name and score, and the end of the standstill. Each letter is stored as sent, so the
 * acheteur and the bidder read later exactly what was sent.
 */
@Component
public class LettresDeRejet {

    public static final String BUCKET = "editions";
    private static final long TAILLE_MAX = 5L * 1024 * 1024;

    private final StockageFichiers stockage;

    LettresDeRejet(StockageFichiers stockage) {
        this.stockage = stockage;
    }

    /** Writes and stores the letters; if one fails, those already stored are removed. */
    List<AnalyseLot.LettreDeRejet> rediger(Consultation consultation, AnalyseLot analyse, Instant envoi,
            Optional<Instant> finSuspension) {
        List<AnalyseLot.NonRetenue> nonRetenues = analyse.nonRetenues();
        AnalyseLot.Attribution attribution = analyse.attribution().orElseThrow();
        Offre titulaire = analyse.offre(attribution.numeroPli());
        Classement classementTitulaire = analyse.classement().stream()
                .filter(c -> c.numeroPli().equals(attribution.numeroPli())).findFirst().orElseThrow();
        List<AnalyseLot.LettreDeRejet> lettres = new java.util.ArrayList<>();
        try {
            for (AnalyseLot.NonRetenue nonRetenue : nonRetenues) {
                ByteArrayOutputStream pdf = new ByteArrayOutputStream();
                ecrire(consultation, analyse, nonRetenue, titulaire, classementTitulaire, envoi, finSuspension, pdf);
                String nom = "lettre-de-rejet-lot-" + analyse.lot() + "-" + nonRetenue.offre().numeroPli() + ".pdf";
                FichierStocke fichier = stockage.enregistrer(BUCKET, "lettre", nom,
                        new ByteArrayInputStream(pdf.toByteArray()), TAILLE_MAX, StockageFichiers.EN_CLAIR);
                lettres.add(new AnalyseLot.LettreDeRejet(nonRetenue.offre().numeroPli(),
                        nonRetenue.offre().soumissionnaire(), fichier));
            }
        } catch (IOException | RuntimeException echec) {
            supprimer(lettres);
            throw echec instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) echec;
        }
        return lettres;
    }

    /** Removes letters whose sending was not recorded (the analysis changed meanwhile). */
    void supprimer(List<AnalyseLot.LettreDeRejet> lettres) {
        lettres.forEach(l -> stockage.supprimer(BUCKET, l.fichier().id()));
    }

    /** Copies a stored letter. */
    public void lire(AnalyseLot.LettreDeRejet lettre, OutputStream sortie) throws IOException {
        stockage.lire(BUCKET, lettre.fichier().id(), StockageFichiers.EN_CLAIR, sortie);
    }

    static void ecrire(Consultation consultation, AnalyseLot analyse, AnalyseLot.NonRetenue nonRetenue,
            Offre titulaire, Classement classementTitulaire, Instant envoi, Optional<Instant> finSuspension,
            OutputStream sortie) throws IOException {
        Offre offre = nonRetenue.offre();
        String intitule = consultation.lots().liste().stream().filter(l -> l.numero() == analyse.lot())
                .findFirst().orElseThrow().intitule();
        DocumentPdf lettre = DocumentPdf.intitule("Lettre de rejet - lot " + analyse.lot())
                .ligne("Consultation : " + consultation.objet() + " (" + analyse.consultationId() + ")")
                .ligne("Procédure : " + analyse.procedure().libelle())
                .ligne("Lot " + analyse.lot() + " : " + intitule)
                .ligne("Destinataire : " + nom(offre) + ", SIRET " + offre.soumissionnaire().valeur()
                        + " - offre " + offre.numeroPli())
                .ligne("Envoyée le " + HeureDeParis.formater(envoi))
                .ligneVide()
                .ligne("Madame, Monsieur,")
                .ligneVide()
                .ligne("Nous avons le regret de vous informer que votre offre pour le lot " + analyse.lot()
                        + " n'a pas été retenue.");
        if (nonRetenue.classement() == null) {
            lettre.ligne("Elle a été écartée de l'analyse comme offre " + offre.exclusion().motif().libelle()
                    + " : " + offre.exclusion().raison());
        } else {
            Classement classement = nonRetenue.classement();
            lettre.ligne("Elle a été classée au rang " + classement.rang() + " sur " + analyse.classement().size()
                    + " offre(s) admise(s), avec une note de " + classement.noteTotale().toPlainString() + " / 100 :");
            notes(lettre, analyse.criteres(), classement);
        }
        lettre.ligneVide()
                .ligne("L'offre retenue est celle de " + nom(titulaire) + " (SIRET "
                        + titulaire.soumissionnaire().valeur() + "), classée au rang " + classementTitulaire.rang()
                        + " avec une note de " + classementTitulaire.noteTotale().toPlainString() + " / 100 :");
        notes(lettre, analyse.criteres(), classementTitulaire);
        lettre.ligneVide();
        if (finSuspension.isPresent()) {
            lettre.ligne("Conformément à l'article R2182-1 du code de la commande publique, le marché ne sera pas "
                    + "signé avant le " + HeureDeParis.formater(finSuspension.get()) + " (fin du délai de suspension).");
        } else {
            lettre.ligne("Aucun délai de suspension ne s'applique à cette procédure (article R2182-1 du code de la "
                    + "commande publique).");
        }
        lettre.ligne("Vous pouvez former un référé précontractuel devant le tribunal administratif jusqu'à la "
                        + "signature du marché (article L551-1 du code de justice administrative), puis un recours en "
                        + "contestation de validité du contrat dans les deux mois de la publication de son avis "
                        + "d'attribution.")
                .ligneVide()
                .ligne("Nous vous remercions de l'intérêt que vous avez porté à cette consultation.")
                .ligneVide()
                .ligne("L'acheteur de la centrale d'achat");
        lettre.ecrire(sortie);
    }

    private static void notes(DocumentPdf lettre, List<CritereAttribution> criteres, Classement classement) {
        for (CritereAttribution critere : criteres) {
            var note = classement.notesParCritere().get(critere.libelle());
            lettre.ligne("   - " + critere.libelle() + " : " + (note == null ? "-" : note.toPlainString()) + " / "
                    + critere.ponderation());
        }
    }

    private static String nom(Offre offre) {
        return offre.raisonSociale() == null || offre.raisonSociale().isBlank() ? "l'entreprise" : offre.raisonSociale();
    }
}
