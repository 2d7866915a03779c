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
   * the cluster shares names, else "School A…" in the cluster's order skipping the reader's school.
   */
  static SchoolNames forSchool(Cluster cluster, String ownUrn) {
    Map<String, String> labels = new HashMap<>();
    int peer = 0;
    for (School s : cluster.schools()) {
      if (s.urn().equals(ownUrn)) {
        labels.put(s.urn(), s.name());
      } else {
        labels.put(s.urn(), cluster.shareSchoolNames() ? s.name() : Labels.peer(peer));
        peer++;
      }
    }
    return urn -> labels.getOrDefault(urn, "a school outside the cluster");
  }

  /** Every school as "School A…" in the cluster's order, whatever the cluster shares. */
  static SchoolNames anonymous(Cluster cluster) {
    Map<String, String> labels = new HashMap<>();
    for (int i = 0; i < cluster.schools().size(); i++) {
      labels.put(cluster.schools().get(i).urn(), Labels.peer(i));
    }
    return urn -> labels.getOrDefault(urn, "a school outside the cluster");
  }

  /** As the cluster agreed for texts every school sees: names if shared, else "School A…". */
  static SchoolNames asAgreed(Cluster cluster) {
    return cluster.shareSchoolNames() ? named(cluster) : anonymous(cluster);
  }
}
