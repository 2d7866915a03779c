package org.clusterlens.ingest;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.clusterlens.model.Term;
import org.clusterlens.testing.Fixtures;

/**
 * The return corpus: good and bad return files under {@code fixtures/returns/}, and what reading
 * each must give, as declared in {@code cases.csv}. Other tests may reuse it, e.g. to run the
 * rejected returns against a real warehouse.
 *
 * <p>{@code cases.csv} has a header and the columns {@code id, file, school, term, max_bytes,
 * max_pupils, outcome, pupils, messages}: empty limits mean {@link ReturnLimits#DEFAULT}, the
 * outcome is {@code accepted} or {@code rejected}, and {@code messages} holds one expected message
 * per line (quoted), each the start of a problem's sentence.
 */
public final class ReturnCorpus {

  private ReturnCorpus() {}

  /** Every case, in the order of {@code cases.csv}. */
  public static List<ReturnCase> cases() {
    CSVFormat format =
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setCommentMarker('#')
            .setIgnoreSurroundingSpaces(true)
            .get();
    List<ReturnCase> cases = new ArrayList<>();
    try (Reader in =
            Files.newBufferedReader(Fixtures.path("returns/cases.csv"), StandardCharsets.UTF_8);
        CSVParser parser = CSVParser.parse(in, format)) {
      for (CSVRecord r : parser) {
        cases.add(parse(r));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read fixtures/returns/cases.csv", e);
    }
    return cases;
  }

  /** The cases whose return must be rejected. */
  public static List<ReturnCase> rejected() {
    return cases().stream().filter(c -> !c.accepted()).toList();
  }

  private static ReturnCase parse(CSVRecord r) {
    String outcome = r.get("outcome");
    if (!outcome.equals("accepted") && !outcome.equals("rejected")) {
      throw new IllegalArgumentException(
          "cases.csv case " + r.get("id") + ": outcome '" + outcome + "'");
    }
    ReturnLimits limits =
        new ReturnLimits(
            r.get("max_bytes").isEmpty()
                ? ReturnLimits.DEFAULT.maxBytes()
                : Long.parseLong(r.get("max_bytes")),
            r.get("max_pupils").isEmpty()
                ? ReturnLimits.DEFAULT.maxPupils()
                : Integer.parseInt(r.get("max_pupils")));
    List<String> messages =
        Arrays.stream(r.get("messages").split("\\R"))
            .map(String::trim)
            .filter(m -> !m.isEmpty())
            .toList();
    return new ReturnCase(
        r.get("id"),
        r.get("file"),
        r.get("school"),
        Term.parse(r.get("term")),
        limits,
        outcome.equals("accepted"),
        r.get("pupils").isEmpty() ? null : Integer.parseInt(r.get("pupils")),
        messages);
  }
}
