package org.clusterlens.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a return in long layout (one row per pupil and subject: UPN, …, Subject, Grade) into the
 * wide layout the validator reads (one row per pupil, a column per subject). Recognised by its
 * header: a UPN column, a "Subject" column and a "Grade" (or "Result", "Level") column.
 *
 * @param wide the return in wide layout: each pupil on the row of their first subject, each subject
 *     a column headed as the file wrote the subject ("Reading", "KS2 Maths")
 * @param gradeHeader the long layout's grade header as written, e.g. "Grade"
 * @param rowOfGrade for each pupil's row in {@code wide}, the row of the file each subject's grade
 *     came from, by subject
 */
record LongLayout(
    RawSheet wide, String gradeHeader, Map<Integer, Map<String, Integer>> rowOfGrade) {

  private static final Set<String> SUBJECT_HEADERS = Set.of("subject", "subjectname");
  private static final Set<String> GRADE_HEADERS =
      Set.of("grade", "result", "level", "attainment", "outcome");

  /**
   * The sheet in wide layout, when it is in long layout; problems found while widening (a subject
   * given twice for a pupil) are added to {@code problems}.
   */
  static Optional<LongLayout> widen(
      RawSheet sheet, SchoolMapping mapping, List<ReturnProblem> problems) {
    List<RawSheet.Row> rows = sheet.rows();
    for (int i = 0; i < Math.min(HeaderMapping.ROWS_SEARCHED, rows.size()); i++) {
      RawSheet.Row header = rows.get(i);
      int subject = -1;
      int grade = -1;
      int upn = -1;
      for (int c = 0; c < header.cells().size(); c++) {
        String text = HeaderMapping.normalise(header.cell(c));
        if (SUBJECT_HEADERS.contains(text) && subject < 0) {
          subject = c;
        } else if (GRADE_HEADERS.contains(text) && grade < 0) {
          grade = c;
        } else if (HeaderMapping.fieldNamed(header.cell(c), mapping)
            .filter(f -> f == org.clusterlens.model.ReturnColumn.UPN)
            .isPresent()) {
          upn = c;
        }
      }
      if (subject >= 0 && grade >= 0 && upn >= 0) {
        return Optional.of(widen(sheet, header, upn, subject, grade, problems));
      }
    }
    return Optional.empty();
  }

  private static LongLayout widen(
      RawSheet sheet,
      RawSheet.Row header,
      int upnColumn,
      int subjectColumn,
      int gradeColumn,
      List<ReturnProblem> problems) {
    List<Integer> pupilColumns = new ArrayList<>();
    List<String> headerCells = new ArrayList<>();
    for (int c = 0; c < header.cells().size(); c++) {
      if (c != subjectColumn && c != gradeColumn) {
        pupilColumns.add(c);
        headerCells.add(header.cell(c));
      }
    }
    Map<String, Integer> subjectIndex = new LinkedHashMap<>();
    Map<String, List<String>> cellsByUpn = new LinkedHashMap<>();
    Map<String, Integer> firstRowByUpn = new HashMap<>();
    Map<Integer, Map<String, Integer>> rowOfGrade = new HashMap<>();
    List<RawSheet.Row> wideRows = new ArrayList<>();
    for (RawSheet.Row row : sheet.rows()) {
      if (row.number() <= header.number()) {
        continue;
      }
      String upn = row.cell(upnColumn).trim().toUpperCase(Locale.ROOT);
      String key = upn.isEmpty() ? "row " + row.number() : upn;
      List<String> cells = cellsByUpn.get(key);
      if (cells == null) {
        cells = new ArrayList<>();
        for (int c : pupilColumns) {
          cells.add(row.cell(c));
        }
        cellsByUpn.put(key, cells);
        firstRowByUpn.put(key, row.number());
      }
      String subject = row.cell(subjectColumn).trim();
      if (subject.isEmpty()) {
        continue;
      }
      Integer column = subjectIndex.get(HeaderMapping.normalise(subject));
      if (column == null) {
        column = pupilColumns.size() + subjectIndex.size();
        subjectIndex.put(HeaderMapping.normalise(subject), column);
        headerCells.add(subject);
      }
      int wideRow = firstRowByUpn.get(key);
      Map<String, Integer> rowsOfPupil = rowOfGrade.computeIfAbsent(wideRow, k -> new HashMap<>());
      String subjectHeader = headerCells.get(column);
      Integer earlier = rowsOfPupil.putIfAbsent(subjectHeader, row.number());
      if (earlier != null) {
        problems.add(
            new ReturnProblem(
                ReturnProblem.Severity.ERROR,
                sheet.file(),
                sheet.sheet(),
                row.number(),
                header.cell(subjectColumn),
                subject,
                "is already given for this pupil on row " + earlier,
                "Give each pupil one row per subject"));
        continue;
      }
      while (cells.size() <= column) {
        cells.add("");
      }
      cells.set(column, row.cell(gradeColumn));
    }
    for (Map.Entry<String, List<String>> pupil : cellsByUpn.entrySet()) {
      wideRows.add(new RawSheet.Row(firstRowByUpn.get(pupil.getKey()), pupil.getValue()));
    }
    wideRows.sort((a, b) -> Integer.compare(a.number(), b.number()));
    List<RawSheet.Row> all = new ArrayList<>();
    for (RawSheet.Row row : sheet.rows()) {
      if (row.number() < header.number()) {
        all.add(row);
      }
    }
    all.add(new RawSheet.Row(header.number(), headerCells));
    all.addAll(wideRows);
    return new LongLayout(
        new RawSheet(sheet.file(), sheet.sheet(), all), header.cell(gradeColumn), rowOfGrade);
  }

  /**
   * A problem found in the wide layout, placed where the school will find it: a grade's problem on
   * the row and in the column of the long layout it came from, naming the subject.
   */
  ReturnProblem locate(ReturnProblem problem) {
    if (problem.row() == null || problem.column() == null) {
      return problem;
    }
    Map<String, Integer> rows = rowOfGrade.get(problem.row());
    Integer from = rows == null ? null : rows.get(problem.column());
    if (from == null) {
      return problem;
    }
    return new ReturnProblem(
        problem.severity(),
        problem.file(),
        problem.sheet(),
        from,
        gradeHeader,
        problem.value(),
        "(" + problem.column() + ") " + problem.problem(),
        problem.accepted());
  }
}
