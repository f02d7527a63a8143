package fr.centraleachat.marche.alerte.domain;

import fr.centraleachat.kernel.CodeCpv;
import fr.centraleachat.marche.reglementation.Nature;
import fr.centraleachat.marche.reglementation.Procedure;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * What an alert says of a published consultation, and what profiles are matched against.
 *
 * @param departement where the marché is executed: the consultation does not record it, so it is the centrale's
 *     département (configuration), the place its members are
 */
public record AvisConsultation(String consultationId, String objet, Nature nature, CodeCpv cpvPrincipal,
        List<LotAvis> lots, Departement departement, Procedure procedure, Instant dlro) {

    public AvisConsultation {
        Objects.requireNonNull(consultationId, "consultationId");
        Objects.requireNonNull(objet, "objet");
        Objects.requireNonNull(nature, "nature");
        Objects.requireNonNull(cpvPrincipal, "cpvPrincipal");
        lots = List.copyOf(lots);
        Objects.requireNonNull(departement, "departement");
    }

    /** @param cpv the lot's own code, or the consultation's main one when the lot has none */
    public record LotAvis(int numero, String intitule, CodeCpv cpv) {
    }

    /** The main code and every lot's. */
    public Stream<CodeCpv> codesCpv() {
        return Stream.concat(Stream.of(cpvPrincipal), lots.stream().map(LotAvis::cpv)).filter(Objects::nonNull);
    }

    /** The objet and every lot's title, each {@link MotCle#normaliser normalised}. */
    public Stream<String> textesNormalises() {
        return Stream.concat(Stream.of(objet), lots.stream().map(LotAvis::intitule)).filter(Objects::nonNull)
                .map(MotCle::normaliser);
    }
}
