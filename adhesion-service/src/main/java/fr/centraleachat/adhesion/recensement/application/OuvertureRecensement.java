package fr.centraleachat.adhesion.recensement.application;

import fr.centraleachat.adhesion.recensement.domain.LotRecensement;
import fr.centraleachat.adhesion.recensement.domain.Nature;
import fr.centraleachat.kernel.CodeCpv;
import fr.centraleachat.kernel.FamilleAchat;
import fr.centraleachat.kernel.Siren;
import java.time.Instant;
import java.util.List;

/**
 * What the acheteur asks for when opening a recensement.
 *
 * @param membresInvites null: every member whose adhésion is ACTIVE and covers the family
 */
public record OuvertureRecensement(String objet, FamilleAchat familleAchat, Nature nature, CodeCpv cpvPrincipal,
        List<LotRecensement> lots, List<Siren> membresInvites, Instant dateCloture) {
}
