package fr.centraleachat.marche.opendata.application;

import fr.centraleachat.kernel.RessourceIntrouvableException;
import fr.centraleachat.marche.analyse.application.Analyses;
import fr.centraleachat.marche.analyse.domain.AnalyseLot;
import fr.centraleachat.marche.consultation.application.Consultations;
import fr.centraleachat.marche.consultation.application.FicheConsultation;
import fr.centraleachat.marche.consultation.domain.Consultation;
import fr.centraleachat.marche.consultation.domain.ConsultationId;
import fr.centraleachat.marche.consultation.domain.StatutConsultation;
import fr.centraleachat.marche.opendata.domain.ConversionOcds;
import fr.centraleachat.marche.opendata.domain.Ocds;
import fr.centraleachat.support.web.PageDemandee;
import fr.centraleachat.support.web.PageVue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * The consultations as OCDS 1.1.5 open data: release packages and compiled records, built from the same data as
 * every other view (nothing is stored for them). Only consultations that were published: a draft never is.
 */
@Service
public class ServiceOcds {

    /** A consultation has at most this many lots (far above practice): the analyses read for one. */
    static final int LOTS_MAX = 500;

    private final Consultations consultations;
    private final Analyses analyses;
    private final ConversionOcds.Editeur editeur;

    ServiceOcds(Consultations consultations, Analyses analyses, ParametresOpenData.Parametres parametres) {
        this.consultations = consultations;
        this.analyses = analyses;
        this.editeur = parametres.editeur();
    }

    /** The releases of one page of published consultations (in the consultations' list order), with the total. */
    public PageVue<Ocds.Release> releases(PageDemandee page) {
        PageVue<FicheConsultation> fiches = consultations.lister(EnumSet.complementOf(
                EnumSet.of(StatutConsultation.BROUILLON)), true, page);
        List<Ocds.Release> releases = new ArrayList<>();
        for (FicheConsultation fiche : fiches.elements()) {
            releases.addAll(releasesDe(fiche.consultation()));
        }
        return new PageVue<>(releases, fiches.page(), fiches.taille(), fiches.total());
    }

    /** The releases of one published consultation, oldest first. */
    public List<Ocds.Release> releases(String consultationId) {
        return releasesDe(publiee(consultationId));
    }

    /** The record of one published consultation: its releases and its compiled release. */
    public Ocds.Record record(String consultationId) {
        Consultation consultation = publiee(consultationId);
        List<AnalyseLot> lots = analyses.deLaConsultation(consultation.id().toString(), LOTS_MAX);
        List<Ocds.Release> releases = ConversionOcds.releases(consultation, lots, editeur);
        return new Ocds.Record(editeur.ocid(consultation.id().toString()), releases,
                ConversionOcds.compilee(consultation, lots, editeur, releases));
    }

    public Ocds.Editeur editeur() {
        return editeur.publisher();
    }

    /** The latest date of these releases: a package generated on demand is dated by its latest change. */
    public static String dateDePublication(List<Ocds.Release> releases) {
        return releases.stream().map(Ocds.Release::date)
                .max(Comparator.comparing(d -> java.time.OffsetDateTime.parse(d).toInstant())).orElseThrow();
    }

    private List<Ocds.Release> releasesDe(Consultation consultation) {
        return ConversionOcds.releases(consultation, analyses.deLaConsultation(consultation.id().toString(),
                LOTS_MAX), editeur);
    }

    private Consultation publiee(String consultationId) {
        ConsultationId id = ConsultationId.de(consultationId);
        return consultations.trouver(id).map(FicheConsultation::consultation).filter(Consultation::aEtePubliee)
                .orElseThrow(() -> new RessourceIntrouvableException("Consultation " + consultationId
                        + " introuvable."));
    }
}
