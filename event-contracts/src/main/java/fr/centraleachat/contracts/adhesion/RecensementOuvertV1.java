package fr.centraleachat.contracts.adhesion;

import java.time.Instant;
import java.util.List;

/**
 * An acheteur opened a recensement des besoins: the invited members may declare their needs until
 * {@code dateCloture}. Subject and key: the recensement id.
 *
 * @param membresInvites SIREN of the members invited to answer
 */
public record RecensementOuvertV1(String recensementId, String objet, String familleAchat, String nature,
        String cpvPrincipal, Instant dateCloture, List<String> membresInvites) {
}
