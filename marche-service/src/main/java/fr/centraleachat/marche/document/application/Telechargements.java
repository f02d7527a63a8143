package fr.centraleachat.marche.document.application;

import fr.centraleachat.marche.consultation.domain.ConsultationId;
import fr.centraleachat.marche.document.domain.Telechargement;
import fr.centraleachat.support.web.PageDemandee;
import fr.centraleachat.support.web.PageVue;

/** The record of DCE downloads: appended to, never changed. */
public interface Telechargements {

    void consigner(Telechargement telechargement);

    /** One page of a consultation's downloads, oldest first (then by id), so that pages stay stable as it grows. */
    PageVue<Telechargement> lister(ConsultationId consultationId, PageDemandee page);

    /**
     * The SIRETs of the suppliers who downloaded the consultation's DCE, once each, in SIRET order: at most
     * {@code limite} after {@code apres} (null for the first page).
     */
    java.util.List<String> siretsDesTelechargeurs(ConsultationId consultationId, String apres, int limite);

    /** Whether the supplier downloaded anything of the consultation's DCE. */
    boolean telechargePar(ConsultationId consultationId, String siret);

    /** Downloads by callers without a token: nobody can be told of what follows. */
    long telechargementsAnonymes(ConsultationId consultationId);
}
