package fr.centraleachat.auth.user;

/**
 * Roles known across the purchasing centre; they end up, without prefix, in the {@code roles} claim.
 */
public enum Role {

	/** Buyer of the purchasing centre: runs consultations and contracts. */
	ACHETEUR,

	/** Agent of a member body: orders from the catalogue on behalf of its member. */
	AGENT,

	/** Supplier holding contracts. */
	FOURNISSEUR,

	/** Administrator of the platform. */
	ADMIN

}
