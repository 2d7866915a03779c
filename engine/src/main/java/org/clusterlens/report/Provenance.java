package org.clusterlens.report;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * What a set of packs was built from and when: every pack prints it.
 *
 * @param generatedAt when the packs were built; never null
 * @param returns the returns (and their warehouse versions) behind the figures; never null, sorted
 *     by school, then term
 */
public record Provenance(Instant generatedAt, List<ReturnVersion> returns) {

  public Provenance {
    if (generatedAt == null || returns == null) {
      throw new IllegalArgumentException("Provenance needs a time and a list of returns");
    }
    returns =
        returns.stream()
            .sorted(
                Comparator.comparing(ReturnVersion::schoolUrn).thenComparing(ReturnVersion::term))
            .toList();
  }
}
