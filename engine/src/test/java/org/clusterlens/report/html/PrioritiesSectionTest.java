package org.clusterlens.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import org.clusterlens.insight.ClusterPriorities;
import org.clusterlens.insight.PriorityFixtures;
import org.clusterlens.insight.SchoolNames;
import org.clusterlens.model.Cluster;
import org.junit.jupiter.api.Test;

class PrioritiesSectionTest {

  private static final PriorityFixtures PLANTED = PriorityFixtures.planted();
  private static final ClusterPriorities FOUND =
      ClusterPriorities.find(PLANTED.figures(), PLANTED.urns());

  @Test
  void theClusterPackListsTheSharedWeaknessAndTheSchoolThatCouldLeadByName() {
    Cluster cluster = PLANTED.cluster(false);
    String html = PrioritiesSection.forCluster(FOUND, SchoolNames.named(cluster));

    assertThat(html)
        .contains("<h2 id=\"work-together\">What the schools could work on together</h2>")
        .contains("Writing at Level 5+ (Key Stage 2, 2024-25): 7 of 8 schools are below")
        .contains("Could lead: School number 8 (43% (13 of 30 pupils))")
        .contains("School number 8 could lead others in maths at Level 5+");
  }

  @Test
  void aGovernorPackShowsOnlyItsSchoolsPrioritiesWithPeersAnonymous() {
    Cluster cluster = PLANTED.cluster(false);
    String first = PLANTED.urns().get(0);
    String html =
        PrioritiesSection.forGovernors(FOUND, first, SchoolNames.forSchool(cluster, first));

    assertThat(html)
        .contains("that include School number 1")
        .contains("7 of 8 schools are below")
        .contains("Could lead: School H")
        .doesNotContain("School number 8")
        .doesNotContain("could lead others in maths");
  }

  @Test
  void noPriorityIsSaidPlainlyWithTheComparisonsChecked() {
    String html = PrioritiesSection.forCluster(ClusterPriorities.none(), urn -> "School " + urn);

    assertThat(html).contains("No shared priority stands out from chance in the latest figures (0");
  }
}
