package org.clusterlens.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.clusterlens.model.Cluster;
import org.clusterlens.model.ReturnColumn;
import org.clusterlens.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A cluster folder's {@code mappings/<URN>.csv}: read, and refused with its file and line. */
class SchoolMappingFileTest {

  private static final Cluster CLUSTER = Fixtures.cluster();

  @TempDir Path dir;

  @Test
  void readsTheSchoolsOwnColumnAndGradeNames() throws Exception {
    Map<String, SchoolMapping> mappings = ClusterFolder.mappings(Fixtures.path("cluster"), CLUSTER);

    assertThat(mappings).containsOnlyKeys("100001");
    SchoolMapping ashdown = mappings.get("100001");
    assertThat(ashdown.column("RDG ta")).contains(ReturnColumn.READING);
    assertThat(ashdown.column("Pupil ref.")).contains(ReturnColumn.UPN);
    assertThat(ashdown.grade("secure+")).isEqualTo("4b");
    assertThat(ashdown.grade("Emerging")).isEqualTo("Emerging");
  }

  @Test
  void aClusterWithoutMappingsHasNone() throws Exception {
    assertThat(ClusterFolder.mappings(dir, CLUSTER)).isEmpty();
  }

  @Test
  void aColumnClusterLensDoesNotHaveIsRefusedWithItsFileAndLine() throws Exception {
    Path file =
        write("100002.csv", "kind,theirs,ours\ncolumn,Rdg TA,Reading\ncolumn,Sci,Science\n");

    assertThatThrownBy(() -> ClusterFolder.mappings(dir, CLUSTER))
        .isInstanceOf(ClusterFolder.InvalidClusterException.class)
        .hasMessageStartingWith(
            file + ", line 3: 'Science' is not a ClusterLens column; use one of UPN, Forename,");
  }

  @Test
  void anUnknownKindIsRefused() throws Exception {
    Path file = write("100002.csv", "kind,theirs,ours\nflag,Yes please,Y\n");

    assertThatThrownBy(() -> ClusterFolder.mappings(dir, CLUSTER))
        .hasMessage(
            file + ", line 2: kind 'flag' is not one ClusterLens reads; use column or grade");
  }

  @Test
  void aMappingForASchoolOutsideTheClusterIsRefused() throws Exception {
    Path file = write("999999.csv", "kind,theirs,ours\ngrade,Secure,4b\n");

    assertThatThrownBy(() -> ClusterFolder.mappings(dir, CLUSTER))
        .hasMessageStartingWith(file + " is named for school 999999, which is not in schools.csv");
  }

  private Path write(String name, String text) throws Exception {
    Path folder = Files.createDirectories(dir.resolve(ClusterFolder.MAPPINGS));
    return Files.writeString(folder.resolve(name), text);
  }
}
