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
}
