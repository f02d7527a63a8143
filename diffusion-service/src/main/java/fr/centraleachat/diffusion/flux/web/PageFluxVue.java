package fr.centraleachat.diffusion.flux.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;

/** The shape of a feed answer, for the API documentation (the answer itself is written as journaled). */
@Schema(name = "PageFlux")
record PageFluxVue(
        @Schema(description = "Événements CloudEvents 1.0 (format JSON) : specversion, id, source, type, subject, "
                + "time, datacontenttype, dataschema, correlationid, data")
        List<Map<String, Object>> evenements,
        @Schema(description = "Curseur à renvoyer dans after pour lire la suite") String curseur,
        @Schema(description = "Vrai quand la lecture a atteint la fin du journal") boolean aJour) {
}
