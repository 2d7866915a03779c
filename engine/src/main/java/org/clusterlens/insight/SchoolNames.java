package org.clusterlens.insight;

import java.util.HashMap;
import java.util.Map;
import org.clusterlens.model.Cluster;
import org.clusterlens.model.School;
import org.clusterlens.report.Labels;

/**
 * How a text names schools: by name where the cluster shares names (or for the reader's own
 * school), otherwise "School A", "School B"… as the packs do.
 */
@FunctionalInterface
public interface SchoolNames {

  /** The label of the school with this URN; never null. */
  String of(String urn);

  /** Every school by its name, as the cluster pack (for the SIP) shows them. */
  static SchoolNames named(Cluster cluster) {
    return urn -> cluster.school(urn).map(School::name).orElse("URN " + urn);
  }

  /**
   * As one school's governor pack shows them: that school by its name, the others by name only if
   * the cluster shares names, else by the letter the whole run gives them ({@link Labels#letter}:
   * the cluster's order, the same in every pack and on the training page).
   */
  static SchoolNames forSchool(Cluster cluster, String ownUrn) {
    Map<String, String> labels = new HashMap<>();
    for (School s : cluster.schools()) {
      boolean named = s.urn().equals(ownUrn) || cluster.shareSchoolNames();
      labels.put(s.urn(), named ? s.name() : Labels.letter(cluster, s.urn()));
    }
    return urn -> labels.getOrDefault(urn, "a school outside the cluster");
  }

  /** Every school by the letter the whole run gives it, whatever the cluster shares. */
  static SchoolNames anonymous(Cluster cluster) {
    Map<String, String> labels = new HashMap<>();
    for (School s : cluster.schools()) {
      labels.put(s.urn(), Labels.letter(cluster, s.urn()));
    }
    return urn -> labels.getOrDefault(urn, "a school outside the cluster");
  }

  /** As the cluster agreed for texts every school sees: names if shared, else "School A…". */
  static SchoolNames asAgreed(Cluster cluster) {
    return cluster.shareSchoolNames() ? named(cluster) : anonymous(cluster);
  }
}
