package org.clusterlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;
import org.clusterlens.ingest.ReturnCheck;
import org.clusterlens.ingest.ReturnReader;
import org.clusterlens.model.Term;
import org.clusterlens.pipeline.IngestRun;
import org.clusterlens.testing.Fixtures;
import org.clusterlens.warehouse.StoreOutcome;
import org.junit.jupiter.api.Test;

/** What {@code clusterlens ingest} prints for each return of a batch. */
class IngestReportTest {

  private static ReturnCheck accepted(String urn) {
    return new ReturnReader(Fixtures.cluster())
        .read(
            Fixtures.path("returns/good-basic.csv"),
            Optional.of(urn),
            Optional.of(Term.parse("2024-25-autumn")));
  }

  @Test
  void eachReturnSaysTheVersionItIsHeldInAndWhichWereCommittedTogether() {
    List<IngestRun.FileOutcome> batch =
        List.of(
            new IngestRun.FileOutcome(
                accepted("100001"), Optional.of(new StoreOutcome(StoreOutcome.Action.ADDED, 4))),
            new IngestRun.FileOutcome(
                accepted("100002"),
                Optional.of(new StoreOutcome(StoreOutcome.Action.UNCHANGED, 2))),
            new IngestRun.FileOutcome(
                accepted("100002"),
                Optional.of(new StoreOutcome(StoreOutcome.Action.REPLACED, 4)),
                List.of(),
                Optional.of("Could not write the feedback for 100002 in /r/feedback")));
    StringWriter text = new StringWriter();

    int code = IngestCommand.IngestReport.print(batch, new PrintWriter(text, true));

    assertThat(code).isEqualTo(ClusterLens.OK);
    assertThat(text.toString())
        .contains(
            "(added in warehouse version 4, one commit with the 1 other return(s) stored by this"
                + " run)",
            "(unchanged: held since warehouse version 2)",
            "(replaced in warehouse version 4, one commit with the 1 other return(s)",
            "    Warning: its feedback page and marked-up copy could not be written (Could not"
                + " write the feedback for 100002 in /r/feedback); what is said above about the"
                + " return itself stands.",
            "3 of 3 returns accepted.");
  }
}
