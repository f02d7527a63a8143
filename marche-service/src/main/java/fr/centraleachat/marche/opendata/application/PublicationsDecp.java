package fr.centraleachat.marche.opendata.application;

import fr.centraleachat.marche.opendata.domain.PublicationDecp;
import java.util.Collection;
import java.util.Map;

/** The record of what was published on the national open-data portal, one entry per marché. */
public interface PublicationsDecp {

    /** What was recorded for these marchés (absent ones were never published), by marché number. */
    Map<String, PublicationDecp> trouver(Collection<String> numerosMarches);

    /**
     * Records the publication dates, keeping any date already recorded (the earliest wins), in one atomic write per
     * marché: a repeated or concurrent recording changes nothing already published.
     */
    void enregistrer(PublicationDecp publication);
}
