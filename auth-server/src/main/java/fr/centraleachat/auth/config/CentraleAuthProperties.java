package fr.centraleachat.auth.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import fr.centraleachat.auth.user.Role;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Users, clients and token settings of the authorization server, validated at start-up so that a
 * misconfiguration fails fast instead of at the first login.
 * <p>
 * Users and clients are maps keyed by a free label: maps from several property sources are merged, so
 * an environment variable such as {@code CENTRALE_AUTH_USERS_OPS_PASSWORD} adds an entry instead of
 * replacing the whole set (which is what happens with lists).
 *
 * @param jwkPath file holding the RSA signing key (JWK set JSON), created on first start
 * @param accessTokenTtl lifetime of access tokens
 * @param refreshTokenTtl lifetime of refresh tokens
 * @param audience added to the {@code aud} claim of every access token, next to the client id: the
 * resource servers accept only tokens meant for them
 * @param loginThrottling limits on failed form logins
 * @param users accounts allowed to log in, keyed by label (the label is the username unless set)
 * @param clients OAuth2 clients, keyed by label (the label is the client id unless set)
 */
@ConfigurationProperties(prefix = "centrale.auth")
@Validated
public record CentraleAuthProperties(@NotNull Path jwkPath,
		@DefaultValue("15m") @DurationMin(seconds = 10) Duration accessTokenTtl,
		@DefaultValue("8h") @DurationMin(minutes = 1) Duration refreshTokenTtl,
		@DefaultValue("centrale-api") @NotBlank String audience, @DefaultValue @Valid LoginThrottling loginThrottling,
		Map<String, @Valid @NotNull User> users, Map<String, @Valid @NotNull Client> clients) {

	/** Passwords and secrets must name their encoding ({noop}, {bcrypt}, ...). */
	static final String ENCODED = "^\\{[A-Za-z0-9_-]+\\}.+$";

	static final String ENCODED_MESSAGE = "must be prefixed with its encoding id, e.g. {noop}... or {bcrypt}...";

	public CentraleAuthProperties {
		users = (users != null) ? new LinkedHashMap<>(users) : Map.of();
		clients = (clients != null) ? new LinkedHashMap<>(clients) : Map.of();
	}

	/** Users with the map label applied as default username. */
	public List<User> resolvedUsers() {
		return this.users.entrySet()
			.stream()
			.map((entry) -> entry.getValue().withDefaultUsername(entry.getKey()))
			.toList();
	}

	/** Clients with the map label applied as default client id. */
	public List<Client> resolvedClients() {
		return this.clients.entrySet()
			.stream()
			.map((entry) -> entry.getValue().withDefaultClientId(entry.getKey()))
			.toList();
	}

	@AssertTrue(message = "usernames must be unique")
	public boolean isUsernamesUnique() {
		return unique(resolvedUsers().stream().map(User::username).toList());
	}

	@AssertTrue(message = "client ids must be unique")
	public boolean isClientIdsUnique() {
		return unique(resolvedClients().stream().map(Client::clientId).toList());
	}

	private static boolean unique(List<String> values) {
		return new HashSet<>(values).size() == values.size();
	}

	/**
	 * Failed form logins tolerated before a lock. An account (the submitted username, known or not, so
	 * that locks reveal nothing) and, separately, a client address are locked after too many failures
	 * within {@code window}; each new lock lasts twice the previous one, up to {@code maxLock}. During a
	 * lock even the right password is refused. A successful login clears the account's failures.
	 *
	 * @param accountFailures failures of one account within the window that lock it
	 * @param addressFailures failures from one address within the window (across accounts) that lock it
	 * @param window period over which failures are counted
	 * @param firstLock duration of the first lock, doubled at each following one
	 * @param maxLock longest lock
	 * @param maxTracked accounts and addresses tracked at most (each); the least recently seen are
	 * forgotten first, so memory stays bounded whatever usernames an attacker makes up
	 */
	public record LoginThrottling(@DefaultValue("5") @Min(1) int accountFailures,
			@DefaultValue("20") @Min(1) int addressFailures,
			@DefaultValue("15m") @DurationMin(seconds = 1) Duration window,
			@DefaultValue("1m") @DurationMin(seconds = 1) Duration firstLock,
			@DefaultValue("1h") @DurationMin(seconds = 1) Duration maxLock,
			@DefaultValue("10000") @Min(16) int maxTracked) {

		@AssertTrue(message = "max-lock must not be shorter than first-lock")
		public boolean isMaxLockAtLeastFirstLock() {
			return this.maxLock == null || this.firstLock == null || this.maxLock.compareTo(this.firstLock) >= 0;
		}

	}

	/**
	 * A person allowed to log in.
	 *
	 * @param username login name, also the token subject; defaults to the map label
	 * @param password encoded password, e.g. {@code {bcrypt}$2a$10$...}
	 * @param roles roles, copied to the {@code roles} claim
	 * @param membre SIREN of the member body an {@code AGENT} acts for
	 * @param siret SIRET of the establishment a {@code FOURNISSEUR} represents
	 */
	public record User(String username, @NotBlank @Pattern(regexp = ENCODED, message = ENCODED_MESSAGE) String password,
			@NotEmpty List<@NotNull Role> roles, @Pattern(regexp = "\\d{9}", message = "must be a 9-digit SIREN") String membre,
			@Pattern(regexp = "\\d{14}", message = "must be a 14-digit SIRET") String siret) {

		public User {
			roles = (roles != null) ? List.copyOf(roles) : List.of();
		}

		User withDefaultUsername(String label) {
			return (this.username != null && !this.username.isBlank()) ? this
					: new User(label, this.password, this.roles, this.membre, this.siret);
		}

		@AssertTrue(message = "'membre' (SIREN) is required for an AGENT and only allowed for one")
		public boolean isMembreConsistentWithRoles() {
			return this.roles.contains(Role.AGENT) == (this.membre != null);
		}

		@AssertTrue(message = "'siret' is required for a FOURNISSEUR and only allowed for one")
		public boolean isSiretConsistentWithRoles() {
			return this.roles.contains(Role.FOURNISSEUR) == (this.siret != null);
		}

	}

	/**
	 * An OAuth2 client.
	 *
	 * @param clientId client id; defaults to the map label
	 * @param secret encoded secret of a confidential client; absent for a public client
	 * @param authenticationMethods how the client authenticates at the token endpoint; defaults to
	 * {@code client_secret_basic} with a secret and {@code none} without
	 * @param grantTypes grants the client may use
	 * @param redirectUris exact redirect URIs allowed for the authorization-code grant
	 * @param postLogoutRedirectUris URIs allowed after OpenID Connect logout
	 * @param scopes scopes the client may request
	 * @param requireProofKey whether PKCE is required (always true for public clients)
	 * @param requireConsent whether the user is asked to approve the requested scopes
	 * @param introspection whether the client may introspect tokens ({@code /oauth2/introspect}); off by
	 * default, as introspection tells whoever asks about any token it holds
	 * @param revocation whether the client may revoke its tokens ({@code /oauth2/revoke}); off by default
	 */
	public record Client(String clientId, @Pattern(regexp = ENCODED, message = ENCODED_MESSAGE) String secret,
			Set<@NotNull ClientAuthMethod> authenticationMethods, @NotEmpty Set<@NotNull GrantType> grantTypes,
			List<@NotBlank String> redirectUris, List<@NotBlank String> postLogoutRedirectUris,
			Set<@NotBlank String> scopes, @DefaultValue("true") boolean requireProofKey,
			@DefaultValue("false") boolean requireConsent, @DefaultValue("false") boolean introspection,
			@DefaultValue("false") boolean revocation) {

		public Client {
			if (authenticationMethods == null || authenticationMethods.isEmpty()) {
				authenticationMethods = Set
					.of((secret != null) ? ClientAuthMethod.CLIENT_SECRET_BASIC : ClientAuthMethod.NONE);
			}
			authenticationMethods = Set.copyOf(authenticationMethods);
			grantTypes = (grantTypes != null) ? Set.copyOf(grantTypes) : Set.of();
			redirectUris = (redirectUris != null) ? List.copyOf(redirectUris) : List.of();
			postLogoutRedirectUris = (postLogoutRedirectUris != null) ? List.copyOf(postLogoutRedirectUris)
					: List.of();
			scopes = (scopes != null) ? new LinkedHashSet<>(scopes) : Set.of();
		}

		Client withDefaultClientId(String label) {
			return (this.clientId != null && !this.clientId.isBlank()) ? this
					: new Client(label, this.secret, this.authenticationMethods, this.grantTypes, this.redirectUris,
							this.postLogoutRedirectUris, this.scopes, this.requireProofKey, this.requireConsent,
							this.introspection, this.revocation);
		}

		public boolean isPublicClient() {
			return this.authenticationMethods.contains(ClientAuthMethod.NONE);
		}

		@AssertTrue(message = "a client authenticates either with a secret or as public client ('none'), not both")
		public boolean isSecretConsistentWithAuthenticationMethods() {
			return isPublicClient() ? (this.secret == null && this.authenticationMethods.size() == 1)
					: this.secret != null;
		}

		@AssertTrue(message = "a public client must require PKCE and cannot use client_credentials")
		public boolean isPublicClientSafe() {
			return !isPublicClient()
					|| (this.requireProofKey && !this.grantTypes.contains(GrantType.CLIENT_CREDENTIALS));
		}

		@AssertTrue(message = "the authorization_code grant needs at least one redirect URI")
		public boolean isRedirectUriSetForAuthorizationCode() {
			return !this.grantTypes.contains(GrantType.AUTHORIZATION_CODE) || !this.redirectUris.isEmpty();
		}

	}

	/** Client authentication methods supported through configuration. */
	public enum ClientAuthMethod {

		NONE, CLIENT_SECRET_BASIC, CLIENT_SECRET_POST

	}

	/** Grant types supported through configuration. */
	public enum GrantType {

		AUTHORIZATION_CODE, REFRESH_TOKEN, CLIENT_CREDENTIALS

	}

}
