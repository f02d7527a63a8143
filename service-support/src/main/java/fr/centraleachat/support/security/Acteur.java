package fr.centraleachat.support.security;

import fr.centraleachat.kernel.AccesRefuseException;
import fr.centraleachat.kernel.Siren;
import fr.centraleachat.kernel.Siret;
import fr.centraleachat.kernel.ValeurInvalideException;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who is calling, read from the access token: subject, roles, and for an agent the member body (SIREN) it acts
 * for, for a supplier its SIRET. Controllers receive it as a method argument.
 */
public record Acteur(String sujet, Set<Role> roles, Optional<Siren> membre, Optional<Siret> siret, Set<String> scopes) {

    public static final String CLAIM_ROLES = "roles";
    public static final String CLAIM_MEMBRE = "membre";
    public static final String CLAIM_SIRET = "siret";

    public Acteur {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        scopes = Set.copyOf(scopes);
    }

    public static Acteur depuis(Jwt jwt) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String role : chaines(jwt.getClaim(CLAIM_ROLES))) {
            Arrays.stream(Role.values()).filter(r -> r.name().equals(role)).forEach(roles::add);
        }
        return new Acteur(jwt.getSubject(), roles,
                identifiant(jwt.getClaimAsString(CLAIM_MEMBRE), Siren::new),
                identifiant(jwt.getClaimAsString(CLAIM_SIRET), Siret::new),
                Set.copyOf(chaines(jwt.getClaim("scope"))));
    }

    public boolean a(Role role) {
        return roles.contains(role);
    }

    /** Refuses the call unless the caller holds one of the roles. */
    public void exiger(Role... autorises) {
        if (Arrays.stream(autorises).noneMatch(this::a)) {
            throw new AccesRefuseException("Cette opération est réservée au(x) rôle(s) "
                    + String.join(", ", Arrays.stream(autorises).map(Role::name).toList()) + ".");
        }
    }

    /** True when the caller is an agent of exactly this member body. */
    public boolean estAgentDe(Siren siren) {
        return a(Role.AGENT) && membre.filter(siren::equals).isPresent();
    }

    /**
     * An agent acts only for its own body; staff (acheteur, admin) act for all. Refuses anyone else.
     */
    public void exigerAccesAuMembre(Siren siren) {
        if (a(Role.ACHETEUR) || a(Role.ADMIN) || estAgentDe(siren)) {
            return;
        }
        throw new AccesRefuseException("Vous ne pouvez agir que pour votre propre organisme.");
    }

    public Siren membreDeLAgent() {
        return membre.orElseThrow(() -> new AccesRefuseException(
                "Votre jeton ne désigne aucun organisme membre (claim « membre » absent)."));
    }

    private static List<String> chaines(Object claim) {
        if (claim instanceof Collection<?> valeurs) {
            return valeurs.stream().map(String::valueOf).toList();
        }
        if (claim instanceof String texte && !texte.isBlank()) {
            return List.of(texte.trim().split("\\s+"));
        }
        return List.of();
    }

    private static <T> Optional<T> identifiant(String valeur, java.util.function.Function<String, T> fabrique) {
        if (valeur == null || valeur.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(fabrique.apply(valeur));
        } catch (ValeurInvalideException e) {
            // A token with a malformed identifier grants nothing tied to that identifier.
            return Optional.empty();
        }
    }
}
