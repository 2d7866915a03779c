package org.clusterlens.web;

/**
 * One person's account. Only a bcrypt hash of the password is kept, and only a SHA-256 hash of the
 * one-time sign-in link's token.
 *
 * @param name the name they sign in with (unique, e.g. their email address); never null
 * @param role what they do; never null
 * @param school their school's URN for a business manager or governor, null for the SIP and the
 *     coordinator
 * @param passwordHash the bcrypt hash of their password, null until they set one
 * @param inviteHash the SHA-256 hash (hex) of their one-time sign-in link's token, null once used
 * @param inviteExpires when that link stops working (ISO-8601 instant), null once used
 * @param created when the account was added (ISO-8601 instant)
 * @param disabled true once the account has been disabled; it can then never sign in
 */
public record Account(
    String name,
    Role role,
    String school,
    String passwordHash,
    String inviteHash,
    String inviteExpires,
    String created,
    boolean disabled) {

  /** Tells whether the account may see this school's own pages (returns, packs). */
  public boolean mayRead(String schoolUrn) {
    return !role.belongsToOneSchool() || school.equals(schoolUrn);
  }
}
