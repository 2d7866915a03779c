package org.clusterlens.generate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.clusterlens.model.Assessment;
import org.clusterlens.model.Grade;
import org.clusterlens.model.Pupil;
import org.clusterlens.model.PupilAssessment;
import org.clusterlens.model.ReturnColumn;
import org.clusterlens.model.TermlyReturn;
import org.clusterlens.scheme.NationalCurriculumLevels;

/**
 * Turns a generated return straight into the accepted return ingest would make of its csv file,
 * without writing or reading the file: the same pupils, grades and checksum, so the warehouse can
 * be filled in its columnar form directly.
 */
public final class GeneratedTermlyReturn {

  private GeneratedTermlyReturn() {}

  /**
   * The accepted return of a generated csv return: the file name is {@code <URN>.csv} and the
   * checksum that of the bytes {@link ReturnFileRenderer#csv} gives.
   *
   * @throws IllegalArgumentException if the return is not a csv one
   */
  public static TermlyReturn of(GeneratedReturn generated) {
    if (generated.format() != ReturnFormat.CSV) {
      throw new IllegalArgumentException(
          "Only csv returns are turned into stored returns, not " + generated.relativePath());
    }
    byte[] file = ReturnFileRenderer.csv(generated).getBytes(StandardCharsets.UTF_8);
    List<Pupil> pupils = new ArrayList<>(generated.rows().size());
    for (ReturnRow row : generated.rows()) {
      pupils.add(pupilOf(row));
    }
    return new TermlyReturn(
        generated.school().urn(),
        generated.term(),
        generated.school().urn() + "." + ReturnFormat.CSV.extension(),
        sha256(file),
        pupils);
  }

  /**
   * As ingest reads a row: teacher assessment kept even without a grade, results only when given.
   */
  private static Pupil pupilOf(ReturnRow row) {
    List<PupilAssessment> assessments = new ArrayList<>();
    for (ReturnColumn column : ReturnColumn.values()) {
      if (column.assessment().isEmpty()) {
        continue;
      }
      Assessment assessment = column.assessment().get();
      String code = row.text(column);
      Optional<Grade> grade =
          code.isEmpty()
              ? Optional.empty()
              : NationalCurriculumLevels.forAssessment(assessment).read(code);
      if (grade.isPresent() || assessment == Assessment.TEACHER) {
        assessments.add(
            new PupilAssessment(assessment, column.subject().orElseThrow(), grade.orElse(null)));
      }
    }
    return new Pupil(
        row.upn(),
        row.dateOfBirth(),
        row.gender(),
        row.yearGroup(),
        row.fsm(),
        row.disadvantaged(),
        row.sen(),
        row.eal(),
        row.ethnicity(),
        row.dateJoined(),
        // The generator does not model looked-after children, and its returns leave the column
        // out: not known, as ingest reads a return without it.
        null,
        assessments);
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("This Java has no SHA-256", e);
    }
  }
}
