package org.clusterlens.web;

import com.fasterxml.jackson.core.type.TypeReference;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The accounts, in {@code accounts.json} in the service folder. Passwords are kept only as bcrypt
 * hashes (Spring Security Crypto); a one-time sign-in link's token only as its SHA-256 hash. Every
 * change rewrites the file in one atomic move; one process at a time changes it.
 */
public final class AccountStore {

  /** How long a one-time sign-in link works. */
  public static final Duration LINK_LIFETIME = Duration.ofHours(72);

  /** The shortest password accepted. */
  public static final int MIN_PASSWORD = 12;

  /** The longest password accepted (bcrypt reads at most 72 bytes). */
  public static final int MAX_PASSWORD = 64;

  private static final TypeReference<List<Account>> LIST = new TypeReference<>() {};
  private static final SecureRandom RANDOM = new SecureRandom();

  private final ServiceFolder folder;
  private final BCryptPasswordEncoder encoder = new BCryptPasswordEncoder(12, RANDOM);
  // Compared against when the name is unknown, so a wrong name takes as long as a wrong password.
  private final String unknownNameHash = encoder.encode("no such account: compare anyway");

  /** The accounts of the service folder {@code folder}. */
  public AccountStore(ServiceFolder folder) {
    this.folder = folder;
  }

  /**
   * A new account and its one-time sign-in link's token.
   *
   * @param account the account as stored
   * @param token the token to put in the link; shown once, never stored
   */
  public record Invitation(Account account, String token) {}

  /**
   * Adds an account with a fresh one-time sign-in link.
   *
   * @throws IllegalArgumentException if the name is taken or empty, or the school does not fit the
   *     role
   */
  public synchronized Invitation add(String name, Role role, Optional<String> school) {
    String n = name == null ? "" : name.trim();
    if (n.isEmpty() || n.length() > 120) {
      throw new IllegalArgumentException("--name must be 1 to 120 characters");
    }
    if (role.belongsToOneSchool() && school.isEmpty()) {
      throw new IllegalArgumentException(
          "A " + role.words() + " belongs to one school: give its URN with --school");
    }
    if (!role.belongsToOneSchool() && school.isPresent()) {
      throw new IllegalArgumentException(
          "A " + role.words() + " sees every school: leave out --school");
    }
    List<Account> all = new ArrayList<>(list());
    if (find(all, n).isPresent()) {
      throw new IllegalArgumentException("There is already an account named '" + n + "'");
    }
    String token = token();
    Account account =
        new Account(
            n,
            role,
            school.orElse(null),
            null,
            sha256(token),
            Instant.now().plus(LINK_LIFETIME).toString(),
            Instant.now().toString(),
            false);
    all.add(account);
    ServiceFolder.writeAtomically(folder.accounts(), all);
    return new Invitation(account, token);
  }

  /** Every account, in the order added. */
  public synchronized List<Account> list() {
    return ServiceFolder.readList(folder.accounts(), LIST);
  }

  /** The account with this name (case-insensitive), if any. */
  public synchronized Optional<Account> named(String name) {
    return name == null ? Optional.empty() : find(list(), name.trim());
  }

  /**
   * Disables an account for good: it can no longer sign in, and its open sessions end at their next
   * request.
   *
   * @throws IllegalArgumentException if there is no such account
   */
  public synchronized Account disable(String name) {
    return replace(
        name,
        a ->
            new Account(
                a.name(), a.role(), a.school(), a.passwordHash(), null, null, a.created(), true));
  }

  /**
   * The account whose unused, unexpired sign-in link carries this token, if any.
   *
   * @param token as in the link; may be anything a visitor typed
   */
  public synchronized Optional<Account> invited(String token) {
    if (token == null || token.length() > 100) {
      return Optional.empty();
    }
    byte[] hash = sha256(token).getBytes(StandardCharsets.US_ASCII);
    Instant now = Instant.now();
    return list().stream()
        .filter(a -> !a.disabled() && a.inviteHash() != null)
        .filter(
            a -> MessageDigest.isEqual(a.inviteHash().getBytes(StandardCharsets.US_ASCII), hash))
        .filter(a -> now.isBefore(Instant.parse(a.inviteExpires())))
        .findFirst();
  }

  /**
   * Sets the password of the account a sign-in link was for, and uses the link up.
   *
   * @return the account, or empty if the link is unknown, used or expired
   * @throws IllegalArgumentException if the password is too short or too long
   */
  public synchronized Optional<Account> acceptInvitation(String token, String password) {
    Optional<Account> invited = invited(token);
    if (invited.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(setPassword(invited.get().name(), password));
  }

  /**
   * Sets an account's password (the demo does this for its own accounts) and uses up any link.
   *
   * @throws IllegalArgumentException if there is no such account, or the password is too short or
   *     too long
   */
  public synchronized Account setPassword(String name, String password) {
    checkPassword(password);
    String hash = encoder.encode(password);
    return replace(
        name,
        a -> new Account(a.name(), a.role(), a.school(), hash, null, null, a.created(), false));
  }

  /**
   * The account if the name and password match an enabled account.
   *
   * @return empty for an unknown name, a wrong password or a disabled account
   */
  public Optional<Account> verify(String name, String password) {
    Optional<Account> account = named(name);
    if (password == null || password.length() > MAX_PASSWORD) {
      return Optional.empty();
    }
    String hash = account.map(Account::passwordHash).orElse(null);
    boolean matches = encoder.matches(password, hash == null ? unknownNameHash : hash);
    return matches && hash != null && !account.get().disabled() ? account : Optional.empty();
  }

  /**
   * Tells what is wrong with a password someone chose, or throws nothing.
   *
   * @throws IllegalArgumentException with a sentence saying what is accepted
   */
  public static void checkPassword(String password) {
    if (password == null
        || password.length() < MIN_PASSWORD
        || password.length() > MAX_PASSWORD
        || password.getBytes(StandardCharsets.UTF_8).length > 72) {
      throw new IllegalArgumentException(
          "Choose a password of "
              + MIN_PASSWORD
              + " to "
              + MAX_PASSWORD
              + " characters; a few unrelated words make a good one");
    }
  }

  private interface Change {
    Account apply(Account a);
  }

  private Account replace(String name, Change change) {
    List<Account> all = new ArrayList<>(list());
    for (int i = 0; i < all.size(); i++) {
      if (all.get(i).name().equalsIgnoreCase(name.trim())) {
        Account changed = change.apply(all.get(i));
        all.set(i, changed);
        ServiceFolder.writeAtomically(folder.accounts(), all);
        return changed;
      }
    }
    throw new IllegalArgumentException("There is no account named '" + name + "'");
  }

  private static Optional<Account> find(List<Account> all, String name) {
    String wanted = name.toLowerCase(Locale.ROOT);
    return all.stream().filter(a -> a.name().toLowerCase(Locale.ROOT).equals(wanted)).findFirst();
  }

  /** 32 random bytes, URL-safe: for sign-in links and form tokens. */
  static String token() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Java has no SHA-256", e);
    }
  }
}
