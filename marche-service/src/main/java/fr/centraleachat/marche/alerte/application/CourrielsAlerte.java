package fr.centraleachat.marche.alerte.application;

import fr.centraleachat.marche.alerte.domain.Alerte;
import fr.centraleachat.marche.alerte.domain.AvisConsultation;
import fr.centraleachat.marche.alerte.domain.ProfilAlerte;
import fr.centraleachat.marche.consultation.domain.Rectificatif;
import fr.centraleachat.marche.reglementation.HeureDeParis;
import fr.centraleachat.support.courriel.Courriel;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The text of an alert: the notice in short, and where to read it and download the DCE. */
@Component
public class CourrielsAlerte {

    private final String urlPublique;

    CourrielsAlerte(@Value("${centrale.url-publique:http://localhost:8080}") String urlPublique) {
        this.urlPublique = urlPublique.endsWith("/") ? urlPublique.substring(0, urlPublique.length() - 1) : urlPublique;
    }

    public Courriel alerte(Alerte alerte, AvisConsultation avis, Optional<Rectificatif> rectificatif) {
        String profils = alerte.profils().size() == 1 ? "votre profil d'alerte « " + alerte.profils().get(0).libelle()
                + " »" : "vos profils d'alerte " + alerte.profils().stream().map(p -> "« " + p.libelle() + " »")
                .collect(Collectors.joining(", "));
        String consultation = urlPublique + "/api/marche/consultations/" + avis.consultationId();
        StringBuilder texte = new StringBuilder("Bonjour,\n\n");
        if (rectificatif.isPresent()) {
            Rectificatif r = rectificatif.get();
            texte.append("Une consultation correspondant à ").append(profils)
                    .append(" a fait l'objet du rectificatif n° ").append(r.numero()).append(" le ")
                    .append(HeureDeParis.formater(r.date())).append(r.substantiel() ? " (modification substantielle)"
                            : "").append(".\n")
                    .append("Motif : ").append(r.raison()).append("\n");
            if (!r.dlro().equals(r.dlroPrecedente())) {
                texte.append("La date limite de remise des offres est reportée du ")
                        .append(HeureDeParis.formater(r.dlroPrecedente())).append(" au ")
                        .append(HeureDeParis.formater(r.dlro())).append(".\n");
            }
            texte.append("\n");
        } else {
            texte.append("Une consultation correspondant à ").append(profils)
                    .append(" vient d'être publiée par la centrale d'achat.\n\n");
        }
        texte.append("Objet : ").append(avis.objet()).append("\n")
                .append("Nature : ").append(avis.nature().name().toLowerCase(java.util.Locale.ROOT)).append("\n");
        if (avis.procedure() != null) {
            texte.append("Procédure : ").append(avis.procedure().libelle()).append("\n");
        }
        texte.append("Code CPV principal : ").append(avis.cpvPrincipal().valeur()).append("\n")
                .append("Date limite de remise des offres : ").append(HeureDeParis.formater(avis.dlro()))
                .append(" (heure de Paris)\n")
                .append("Lots :\n");
        for (AvisConsultation.LotAvis lot : avis.lots()) {
            texte.append("  - lot ").append(lot.numero()).append(" : ").append(lot.intitule())
                    .append(lot.cpv() == null ? "" : " (CPV " + lot.cpv().valeur() + ")").append("\n");
        }
        texte.append("\nAvis : ").append(consultation).append("\n")
                .append("Dossier de consultation (DCE) : ").append(consultation).append("/documents\n")
                .append("DCE complet (archive ZIP) : ").append(consultation).append("/documents/archive\n\n")
                .append(alerte.profils().size() == 1
                        ? "Vous recevez ce message parce que votre entreprise a créé ce profil d'alerte ; pour ne plus"
                                + " le recevoir, modifiez ou supprimez-le :\n"
                        : "Vous recevez ce message parce que votre entreprise a créé ces profils d'alerte ; pour ne plus"
                                + " le recevoir, modifiez ou supprimez-les :\n");
        for (ProfilAlerte profil : alerte.profils()) {
            texte.append("  ").append(urlPublique).append("/api/marche/alertes/").append(profil.id()).append("\n");
        }
        texte.append("\nLa centrale d'achat\n");
        String sujet = (rectificatif.isPresent() ? "Rectificatif : " : "Nouvelle consultation : ") + avis.objet();
        return Courriel.texte(alerte.email().valeur(), ligne(sujet), texte.toString());
    }

    /** A subject on one line, short enough for the mail queue. */
    public static String ligne(String sujet) {
        String uneLigne = sujet.replaceAll("\\s+", " ").strip();
        return uneLigne.length() > 200 ? uneLigne.substring(0, 199) + "…" : uneLigne;
    }
}
