package fr.centraleachat.catalogue.consultation.domain;

import fr.centraleachat.kernel.CodeCpv;
import fr.centraleachat.kernel.Siren;
import fr.centraleachat.kernel.ValeurInvalideException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a published consultation says: object, procedure, deadline, lots, criteria and beneficiaries.
 *
 * @param publiciteBoampOuJalRequise whether a notice in the BOAMP or a JAL is required; null when the publication
 *     event did not say (published before the marché service told it)
 * @param familleAchat the famille d'achat's code ({@code FamilleAchat} name); null when the event did not say
 */
public record ContenuConsultation(String objet, String nature, CodeCpv cpvPrincipal, String procedure,
        BigDecimal valeurEstimeeTotale, Instant datePublication, Instant dlro, List<LotConsultation> lots,
        List<CritereConsultation> criteres, List<Siren> beneficiaires, Boolean publiciteBoampOuJalRequise,
        String familleAchat) {

    public ContenuConsultation(String objet, String nature, CodeCpv cpvPrincipal, String procedure,
            BigDecimal valeurEstimeeTotale, Instant datePublication, Instant dlro, List<LotConsultation> lots,
            List<CritereConsultation> criteres, List<Siren> beneficiaires) {
        this(objet, nature, cpvPrincipal, procedure, valeurEstimeeTotale, datePublication, dlro, lots, criteres,
                beneficiaires, null, null);
    }

    public ContenuConsultation {
        if (objet == null || objet.isBlank()) {
            throw new ValeurInvalideException("objet", "L'objet de la consultation est obligatoire.");
        }
        if (cpvPrincipal == null) {
            throw new ValeurInvalideException("cpvPrincipal", "Le code CPV principal est obligatoire.");
        }
        if (dlro == null) {
            throw new ValeurInvalideException("dlro", "La date limite de remise des offres est obligatoire.");
        }
        lots = lots == null ? List.of() : List.copyOf(lots);
        criteres = criteres == null ? List.of() : List.copyOf(criteres);
        beneficiaires = beneficiaires == null ? List.of() : List.copyOf(beneficiaires);
    }

    /** The CPV divisions (2 digits) the consultation covers: the main code's and every lot's. */
    public Set<String> divisionsCpv() {
        Set<String> divisions = new LinkedHashSet<>();
        divisions.add(cpvPrincipal.division());
        lots.stream().filter(lot -> lot.cpv() != null).forEach(lot -> divisions.add(lot.cpv().division()));
        return divisions;
    }
}
