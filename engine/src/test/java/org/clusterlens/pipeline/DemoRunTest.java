package org.clusterlens.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Where the demo puts what is not for governors. */
class DemoRunTest {

  @Test
  void theReturnsFeedbackGoesBesideThePacksFolderNotInsideIt() {
    Path packs = Path.of("/srv/clusterlens/reports/demo");

    Path feedback = DemoRun.feedbackFolder(packs);

    assertThat(feedback).isEqualTo(Path.of("/srv/clusterlens/reports/demo-feedback"));
    assertThat(feedback.startsWith(packs)).isFalse();
  }
}
