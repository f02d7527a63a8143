package fr.centraleachat.catalogue.recherche.application;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The search's settings ({@code centrale.recherche.*}).
 *
 * @param repertoire where this instance keeps its index, in a folder {@code index-<instance>}; empty: a temporary
 *     folder removed when the service stops (rebuilt at each start)
 * @param instance names this instance's folder; empty: the host name and the HTTP port. Two processes never share
 *     one folder (Lucene's lock refuses the second)
 * @param verificationIntervalle how often the index is compared with the store (writes made through other instances,
 *     versions coming into force at midnight)
 * @param memoireEcriture what the index writer buffers before flushing a segment to disk
 * @param facettesMax values listed per facet, the most frequent first
 */
@ConfigurationProperties("centrale.recherche")
public record ProprietesRecherche(@DefaultValue("") String repertoire, @DefaultValue("") String instance,
        @DefaultValue("1m") Duration verificationIntervalle, @DefaultValue("32MB") DataSize memoireEcriture,
        @DefaultValue("20") int facettesMax) {

    public ProprietesRecherche {
        if (facettesMax < 1 || facettesMax > 100) {
            throw new IllegalArgumentException("centrale.recherche.facettes-max goes from 1 to 100");
        }
        if (memoireEcriture.toMegabytes() < 1) {
            throw new IllegalArgumentException("centrale.recherche.memoire-ecriture must be at least 1MB");
        }
    }
}
