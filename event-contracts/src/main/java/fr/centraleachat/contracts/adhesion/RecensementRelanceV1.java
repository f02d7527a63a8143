package fr.centraleachat.contracts.adhesion;

import java.time.Instant;
import java.util.List;

/**
 * The acheteur reminded the invited members that have not answered yet; mail systems turn it into messages.
 * Subject and key: the recensement id.
 */
public record RecensementRelanceV1(String recensementId, String objet, Instant dateCloture,
        List<String> membresSansReponse, Instant relanceLe) {
}
