package fr.centraleachat.marche.courrier.application;

import fr.centraleachat.contracts.marche.ConsultationRectifieeV1;
import fr.centraleachat.contracts.marche.ReponsePublieeV1;
import fr.centraleachat.marche.alerte.application.CourrielsAlerte;
import fr.centraleachat.marche.analyse.domain.AnalyseLot;
import fr.centraleachat.marche.analyse.domain.Marche;
import fr.centraleachat.marche.analyse.domain.Offre;
import fr.centraleachat.marche.consultation.domain.Consultation;
import fr.centraleachat.marche.reglementation.HeureDeParis;
import fr.centraleachat.support.courriel.Courriel;
import fr.centraleachat.support.edition.DocumentPdf;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The texts of the passation's mails, and the notification letter attached to the titulaire's. */
@Component
class RedactionCourriers {

    private static final String SIGNATURE = "\nLa centrale d'achat\n";

    private final String urlPublique;

    RedactionCourriers(@Value("${centrale.url-publique:http://localhost:8080}") String urlPublique) {
        this.urlPublique = urlPublique.endsWith("/") ? urlPublique.substring(0, urlPublique.length() - 1) : urlPublique;
    }

    Courriel reponse(List<String> destinataires, Consultation consultation, ReponsePublieeV1 reponse) {
        String adresse = adresse(consultation);
        String texte = "Bonjour,\n\nVous avez retiré le dossier de la consultation « " + consultation.objet()
                + " ». L'acheteur a répondu à une question ; la réponse est publiée à tous les candidats.\n\n"
                + "Question n° " + reponse.numeroQuestion() + " :\n" + reponse.question() + "\n\n"
                + "Réponse :\n" + reponse.reponse() + "\n\n"
                + "Toutes les questions et réponses : " + adresse + "/questions\n"
                + "Date limite de remise des offres : " + HeureDeParis.formater(consultation.dlro())
                + " (heure de Paris)\n" + SIGNATURE;
        return courriel(destinataires, "Réponse à une question : " + consultation.objet(), texte);
    }

    Courriel rectificatif(List<String> destinataires, Consultation consultation, ConsultationRectifieeV1 r) {
        String adresse = adresse(consultation);
        StringBuilder texte = new StringBuilder("Bonjour,\n\nVous avez retiré le dossier de la consultation « ")
                .append(consultation.objet()).append(" ». Elle fait l'objet du rectificatif n° ").append(r.numero())
                .append(" du ").append(HeureDeParis.formater(r.date())).append(".\n\nMotif : ").append(r.raison())
                .append("\n");
        if (r.substantiel()) {
            texte.append("\nCette modification est substantielle : une offre déposée avant elle est à confirmer par"
                    + " le dépôt d'une nouvelle offre.\n");
        }
        if (r.dlroPrecedente() != null && !r.dlro().equals(r.dlroPrecedente())) {
            texte.append("\nLa date limite de remise des offres est reportée du ")
                    .append(HeureDeParis.formater(r.dlroPrecedente())).append(" au ")
                    .append(HeureDeParis.formater(r.dlro())).append(" (heure de Paris).\n");
        } else {
            texte.append("\nDate limite de remise des offres : ").append(HeureDeParis.formater(r.dlro()))
                    .append(" (heure de Paris).\n");
        }
        texte.append("\nLe dossier de consultation à jour : ").append(adresse).append("/documents\n")
                .append("DCE complet (archive ZIP) : ").append(adresse).append("/documents/archive\n")
                .append(SIGNATURE);
        return courriel(destinataires, "Rectificatif n° " + r.numero() + " : " + consultation.objet(),
                texte.toString());
    }

    Courriel rejet(List<String> destinataires, Consultation consultation, AnalyseLot analyse,
            AnalyseLot.LettreDeRejet lettre) {
        Offre offre = analyse.offre(lettre.numeroPli());
        String texte = "Madame, Monsieur,\n\nVous trouverez ci-jointe la lettre vous informant que votre offre "
                + lettre.numeroPli() + " pour le lot " + analyse.lot() + " de la consultation « "
                + consultation.objet() + " » n'a pas été retenue, avec les motifs de ce rejet, le nom de l'attributaire"
                + " et les voies de recours.\n"
                + analyse.rejets().map(r -> r.finSuspension() == null ? ""
                        : "\nLe marché ne sera pas signé avant le " + HeureDeParis.formater(r.finSuspension())
                                + " (fin du délai de suspension).\n").orElse("")
                + "\nDestinataire : " + (offre.raisonSociale() == null ? "" : offre.raisonSociale() + ", ") + "SIRET "
                + lettre.destinataire().valeur() + "\nLa même lettre est consultable sur la plateforme : " + urlPublique
                + "/api/marche/consultations/" + analyse.consultationId() + "/lots/" + analyse.lot() + "/rejets/"
                + lettre.numeroPli() + "\n" + SIGNATURE;
        return courriel(destinataires, "Lettre de rejet, lot " + analyse.lot() + " : " + consultation.objet(), texte);
    }

    Courriel notification(List<String> destinataires, Marche m) {
        String texte = "Madame, Monsieur,\n\nNous vous notifions le marché n° " + m.numero() + " (lot " + m.lot()
                + " : " + m.intituleLot() + ") de la consultation « " + m.objet() + " », dont votre offre a été"
                + " retenue. Vous trouverez ci-jointe la lettre de notification.\n\n"
                + "Le marché prend effet le " + HeureDeParis.formater(m.dateDebut()) + " pour " + m.dureeMois()
                + " mois.\n" + SIGNATURE;
        return courriel(destinataires, "Notification du marché n° " + m.numero() + " : " + m.objet(), texte);
    }

    /** The notification letter (PDF): what the marché is, who holds it, its amounts and its dates. */
    byte[] lettreDeNotification(Marche m) {
        DocumentPdf lettre = DocumentPdf.intitule("Notification du marché n° " + m.numero())
                .ligne("Consultation : " + m.objet() + " (" + m.consultationId() + ")")
                .ligne("Lot " + m.lot() + " : " + m.intituleLot())
                .ligne("Procédure : " + m.procedure().libelle())
                .ligne("Titulaire : " + (m.titulaireRaisonSociale() == null ? "" : m.titulaireRaisonSociale() + ", ")
                        + "SIRET " + m.titulaireSiret().valeur())
                .ligne("Notifié le " + HeureDeParis.formater(m.dateNotification()))
                .ligneVide()
                .ligne("Madame, Monsieur,")
                .ligneVide()
                .ligne("Nous vous notifions le marché désigné ci-dessus, attribué à votre offre.")
                .ligne("Forme : " + forme(m) + " ; prix " + m.formePrix().name().toLowerCase(java.util.Locale.ROOT)
                        + "(s).")
                .ligne("Montant de l'offre retenue : " + m.montantHt().valeurHt().toPlainString() + " € HT.");
        if (m.montantMaximumHt() != null) {
            lettre.ligne("Montant maximum : " + m.montantMaximumHt().valeurHt().toPlainString() + " € HT"
                    + (m.montantMinimumHt() == null ? "." : ", montant minimum : "
                            + m.montantMinimumHt().valeurHt().toPlainString() + " € HT."));
        }
        lettre.ligne("Durée : " + m.dureeMois() + " mois, du " + HeureDeParis.formater(m.dateDebut()) + " au "
                        + HeureDeParis.formater(m.dateFin()) + ".")
                .ligne("Code CPV : " + m.cpv().valeur())
                .ligneVide()
                .ligne("La notification vous est faite par voie électronique ; le marché prend effet à la date"
                        + " indiquée ci-dessus.")
                .ligneVide()
                .ligne("L'acheteur de la centrale d'achat");
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        try {
            lettre.ecrire(pdf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pdf.toByteArray();
    }

    private static String forme(Marche m) {
        return switch (m.forme()) {
            case MARCHE_ORDINAIRE -> "marché ordinaire";
            case ACCORD_CADRE_BONS_DE_COMMANDE -> "accord-cadre exécuté par bons de commande";
            case ACCORD_CADRE_MARCHES_SUBSEQUENTS -> "accord-cadre exécuté par marchés subséquents";
        };
    }

    private String adresse(Consultation consultation) {
        return urlPublique + "/api/marche/consultations/" + consultation.id();
    }

    private static Courriel courriel(List<String> destinataires, String sujet, String texte) {
        return new Courriel(destinataires, CourrielsAlerte.ligne(sujet), texte, null, List.of());
    }
}
