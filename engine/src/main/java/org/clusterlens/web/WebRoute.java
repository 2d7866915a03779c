package org.clusterlens.web;

import java.util.Set;

/**
 * One route of the service and who may use it. A path with {@code {urn}} is one school's: only that
 * school's own accounts (and the roles that see every school) reach it; anyone else is told it does
 * not exist. Every route is in {@link ClusterService#routes()}, which the access test walks.
 *
 * @param method GET or POST
 * @param path the path, with {@code {urn}}, {@code {id}} or {@code {token}} where a value goes
 * @param roles who may use it; empty for a public route (sign-in, the style sheet)
 * @param what what it is for, in a few words
 */
public record WebRoute(String method, String path, Set<Role> roles, String what) {

  public WebRoute {
    roles = Set.copyOf(roles);
  }

  /** Tells whether anybody, signed in or not, may use it. */
  public boolean isPublic() {
    return roles.isEmpty();
  }

  /** Tells whether it is one school's. */
  public boolean isSchools() {
    return path.contains("{urn}");
  }
}
