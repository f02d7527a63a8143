package fr.centraleachat.marche.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.centraleachat.kernel.Montant;
import fr.centraleachat.marche.reglementation.GrilleDesSeuils;
import fr.centraleachat.marche.reglementation.Nature;
import fr.centraleachat.marche.reglementation.Procedure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;

class ReglementationConfigurationTest {

    @Test
    void loadsTheShippedGridFromTheClasspath() {
        GrilleDesSeuils grille = ReglementationConfiguration.charger(new ClassPathResource(GrilleDesSeuils.RESSOURCE_PAR_DEFAUT));

        assertThat(grille.procedurePour(Nature.FOURNITURES, Montant.de(50_000), LocalDate.of(2026, 5, 1)))
                .isEqualTo(Procedure.DISPENSE);
    }

    @Test
    void appliesAnUpdatedGridFromAFile(@TempDir Path dossier) throws Exception {
        Path fichier = dossier.resolve("seuils.properties");
        Files.writeString(fichier, """
                seuils.2028-01-01.dispense.fournitures-services=30000
                seuils.2028-01-01.dispense.travaux=100000
                seuils.2028-01-01.europeen.fournitures-services=250000
                seuils.2028-01-01.europeen.travaux=5000000
                seuils.2028-01-01.publicite-mapa=90000
                """);

        GrilleDesSeuils grille = ReglementationConfiguration.charger(new FileSystemResource(fichier));

        assertThat(grille.procedurePour(Nature.FOURNITURES, Montant.de(230_000), LocalDate.of(2028, 2, 1)))
                .isEqualTo(Procedure.MAPA);
    }

    @Test
    void refusesToStartWithoutAGrid(@TempDir Path dossier) {
        assertThatThrownBy(() -> ReglementationConfiguration.charger(new FileSystemResource(dossier.resolve("absent"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not found");
    }
}
