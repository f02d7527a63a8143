package fr.centraleachat.marche.opendata.application;

import fr.centraleachat.kernel.Siren;
import fr.centraleachat.kernel.Siret;
import fr.centraleachat.marche.opendata.domain.AcheteursDecp;
import fr.centraleachat.marche.opendata.domain.ConversionOcds;
import fr.centraleachat.marche.opendata.domain.Decp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The settings of the open data (DECP and OCDS): who the acheteur is, where the marchés are executed, the OCID
 * prefix. Checked at start-up, so that a wrong SIRET or prefix stops the service instead of publishing wrong data.
 */
@Configuration
class ParametresOpenData {

    /** The DECP's lieuExecution.typeCode values. */
    static final List<String> TYPES_CODE_LIEU = List.of("Code postal", "Code commune", "Code arrondissement",
            "Code canton", "Code département", "Code région", "Code pays");

    /** What the open data are built from. */
    record Parametres(AcheteursDecp acheteurs, Decp.LieuExecution lieu, ConversionOcds.Editeur editeur) {
    }

    @Bean
    Parametres parametres(Environment environnement) {
        Binder binder = Binder.get(environnement);
        Siret centrale = new Siret(binder.bind("centrale.acheteur.siret", String.class).orElse("24210041000016"));
        String nom = binder.bind("centrale.acheteur.nom", String.class).orElse("Dijon Métropole");
        Map<Siren, Siret> coordonnateurs = new LinkedHashMap<>();
        binder.bind("centrale.acheteur.sirets-coordonnateurs", Bindable.mapOf(String.class, String.class))
                .orElse(Map.of()).forEach((siren, siret) -> coordonnateurs.put(new Siren(siren), new Siret(siret)));
        AcheteursDecp acheteurs = new AcheteursDecp(centrale, coordonnateurs);
        String code = binder.bind("centrale.donnees-essentielles.lieu-execution.code", String.class).orElse("21");
        String typeCode = binder.bind("centrale.donnees-essentielles.lieu-execution.type-code", String.class)
                .orElse("Code département");
        if (!TYPES_CODE_LIEU.contains(typeCode) || code.isBlank()) {
            throw new IllegalStateException("centrale.donnees-essentielles.lieu-execution: a code and one of "
                    + TYPES_CODE_LIEU + " expected, got « " + code + " » / « " + typeCode + " »");
        }
        String prefixe = binder.bind("centrale.ocds.prefixe-ocid", String.class).orElse("ocds-centrale-dijon");
        return new Parametres(acheteurs, new Decp.LieuExecution(code, typeCode),
                new ConversionOcds.Editeur(prefixe, nom, acheteurs));
    }
}
