package fr.centraleachat.adhesion.membre.application;

import fr.centraleachat.adhesion.membre.domain.Membre;
import fr.centraleachat.adhesion.membre.domain.TypeMembre;
import fr.centraleachat.kernel.CodeInsee;
import fr.centraleachat.kernel.Siren;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.Resource;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Registers the Dijon Métropole members from the seed file on start-up. Inserts only the missing ones, so restarts
 * and a second instance starting at the same time do nothing more (the SIREN is the unique id).
 */
@Component
@ConditionalOnProperty(name = "centrale.seed.membres.enabled", havingValue = "true", matchIfMissing = true)
public class SemisMembres {

    private static final Logger LOG = LoggerFactory.getLogger(SemisMembres.class);

    record FichierSemis(String avertissement, List<MembreSemis> membres) {
    }

    record MembreSemis(String siren, String nom, TypeMembre type, String codeInsee, boolean identifiantsAVerifier) {
    }

    private final Membres membres;
    private final JsonMapper json;
    private final Resource fichier;

    public SemisMembres(Membres membres, JsonMapper json,
            @Value("${centrale.seed.membres.fichier:classpath:seed/membres-dijon-metropole.json}") Resource fichier) {
        this.membres = membres;
        this.json = json;
        this.fichier = fichier;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void semer() {
        try {
            int ajoutes = semerDepuisFichier();
            LOG.info("Member seed applied: {} member(s) added", ajoutes);
        } catch (DataAccessException e) {
            // The store may not be up yet; the next start seeds what is missing.
            LOG.warn("Member seed not applied, store unavailable: {}", e.getMessage());
        }
    }

    /** Returns how many members were added. */
    public int semerDepuisFichier() {
        FichierSemis semis = lire();
        if (semis.avertissement() != null) {
            LOG.warn("Seed file notice: {}", semis.avertissement());
        }
        int ajoutes = 0;
        for (MembreSemis m : semis.membres()) {
            Membre membre = Membre.enregistrer(new Siren(m.siren()), m.nom(), m.type(),
                    Optional.ofNullable(m.codeInsee()).map(CodeInsee::new), m.identifiantsAVerifier());
            if (membres.trouver(membre.siren()).isEmpty() && membres.ajouter(membre)) {
                ajoutes++;
            }
        }
        return ajoutes;
    }

    private FichierSemis lire() {
        try (InputStream flux = fichier.getInputStream()) {
            return json.readValue(flux, FichierSemis.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read member seed " + fichier, e);
        }
    }
}
