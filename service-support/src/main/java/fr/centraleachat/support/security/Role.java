package fr.centraleachat.support.security;

/** The roles carried by the {@code roles} claim of access tokens. */
public enum Role {
    ACHETEUR,
    AGENT,
    FOURNISSEUR,
    ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }
}
