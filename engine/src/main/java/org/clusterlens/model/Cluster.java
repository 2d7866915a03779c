package org.clusterlens.model;

import java.util.List;
import java.util.Optional;

/**
 * A cluster of schools and what it has agreed to share.
 *
 * @param name the cluster's name, shown on packs; never null
 * @param schools the member schools in a fixed order; never null
 * @param shareSchoolNames whether governor packs may name peer schools (otherwise "School A…")
 */
public record Cluster(String name, List<School> schools, boolean shareSchoolNames) {

  public Cluster {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("A cluster needs a name");
    }
    schools = List.copyOf(schools);
  }

  /** The member school with this URN, if there is one. */
  public Optional<School> school(String urn) {
    return schools.stream().filter(s -> s.urn().equals(urn)).findFirst();
  }
}
