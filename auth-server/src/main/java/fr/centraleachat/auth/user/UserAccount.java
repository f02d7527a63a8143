package fr.centraleachat.auth.user;

import java.util.List;

/**
 * A configured account, with the attributes that end up in its tokens.
 *
 * @param username login name and token subject
 * @param password encoded password
 * @param roles roles of the account
 * @param membre SIREN of the member body of an agent, else {@code null}
 * @param siret SIRET of a supplier, else {@code null}
 */
public record UserAccount(String username, String password, List<Role> roles, String membre, String siret) {

	public UserAccount {
		roles = List.copyOf(roles);
	}

}
