package fr.centraleachat.catalogue.tarif.application;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of price-list imports ({@code centrale.tarifs.*}).
 *
 * @param erreursMax faulty cells listed in a refusal (the others are only counted)
 * @param lignesMax lines of a file after its header, empty ones included
 * @param tailleMaxFichier size of an imported file (the multipart limit is set from it)
 * @param importsSimultanes imports and revisions running at once in this process; more wait, then get a 429
 * @param abandonApres a version still unpublished after this long is taken for abandoned and removed
 */
@ConfigurationProperties("centrale.tarifs")
public record ProprietesTarifs(@DefaultValue("50") int erreursMax, @DefaultValue("200000") int lignesMax,
        @DefaultValue("50MB") DataSize tailleMaxFichier, @DefaultValue("2") int importsSimultanes,
        @DefaultValue("1h") Duration abandonApres) {

    public ProprietesTarifs {
        if (erreursMax < 1 || lignesMax < 1 || importsSimultanes < 1) {
            throw new IllegalArgumentException("centrale.tarifs limits must be positive");
        }
    }
}
