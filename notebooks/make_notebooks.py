"""Writes the ClusterLens notebooks (run: /usr/bin/python3 notebooks/make_notebooks.py).

The notebooks are committed unexecuted; CI executes them with nbconvert against the demo warehouse.
"""
import os
import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

HERE = os.path.dirname(os.path.abspath(__file__))

SETUP = """// The kernel turns java.util.logging up to FINEST; Spark's query compiler (Janino) then fails while
// logging, so bring it back to INFO before Spark starts.
var rootLog = java.util.logging.Logger.getLogger("");
rootLog.setLevel(java.util.logging.Level.INFO);

import java.util.*;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.clusterlens.metrics.*;
import org.clusterlens.model.Figure;
import org.clusterlens.stats.*;
import org.clusterlens.warehouse.*;

// The demo warehouse that ./clusterlens demo writes, unless CLUSTERLENS_WAREHOUSE names another.
var home = System.getProperty("clusterlens.home", "..");
var warehousePath = System.getenv().getOrDefault("CLUSTERLENS_WAREHOUSE", home + "/warehouse/demo");
var spark = EngineSpark.session();
var warehouse = new Warehouse(spark, warehousePath);
"Warehouse: " + warehousePath + ", " + warehouse.history().size() + " versions\""""

TABLE = """// Rows as a plain text table, for display (the kernel shows a String as HTML: keep its lines).
String table(Dataset<Row> rows) {
  var out = new StringBuilder(String.join(" | ", rows.columns())).append('\\n');
  for (Row r : rows.collectAsList()) {
    var cells = new ArrayList<String>();
    for (int i = 0; i < r.size(); i++) cells.add(String.valueOf(r.get(i)));
    out.append(String.join(" | ", cells)).append('\\n');
  }
  return "<pre>" + out + "</pre>";
}"""

FIGURE = """// One figure with its 95% interval, as a line of text.
String describe(Figure f) {
  var counts = f.numerator() == null ? "" : String.format(Locale.ROOT, "%.0f of %d = ", f.numerator(), f.denominator());
  return String.format(Locale.ROOT, "%s %s %s %s %s %s: %s%.1f%% (95%% interval %.1f to %.1f, %s)",
      f.school(), f.academicYear(), f.term(), f.assessment(), f.subject(), f.measure(),
      counts, f.value(), f.lower(), f.upper(), f.method());
}"""


def notebook(name, cells):
    nb = new_notebook()
    nb.metadata["kernelspec"] = {
        "name": "clusterlens-java",
        "display_name": "Java with ClusterLens (rapaio)",
        "language": "java",
    }
    nb.metadata["language_info"] = {"name": "java"}
    nb.cells = cells
    nbformat.write(nb, os.path.join(HERE, name))


notebook("explore-warehouse.ipynb", [
    new_markdown_cell("# Explore the warehouse\n\nWhat the Delta warehouse holds: its versions, "
                      "the returns behind the figures, and the pupil rows, read with the engine's "
                      "own `Warehouse` class. Run `./clusterlens demo` first to fill "
                      "`warehouse/demo`."),
    new_code_cell(SETUP),
    new_code_cell(TABLE),
    new_markdown_cell("Every version, newest first: each commit records the returns it stored."),
    new_code_cell("""var lines = new StringBuilder();
for (var v : warehouse.history()) {
  lines.append(String.format("version %d  %s  %s  %d returns%n", v.version(), v.committedAt(), v.operation(), v.notes().size()));
}
"<pre>" + lines + "</pre>\""""),
    new_markdown_cell("The returns held now, one per school and term (first ten)."),
    new_code_cell("""var held = warehouse.currentReturns();
var text = new StringBuilder(held.size() + " returns held\\n");
held.stream().limit(10).forEach(r -> text.append(r.schoolUrn() + " " + r.termId() + " " + r.sourceFile() + " " + r.pupils() + " pupils, version " + r.version() + "\\n"));
"<pre>" + text + "</pre>\""""),
    new_markdown_cell("Pupil rows per term and kind of assessment. No names are stored; UPNs stay "
                      "in the warehouse."),
    new_code_cell("""table(warehouse.assessments().groupBy("term_id", "assessment").count().orderBy("term_id", "assessment"))"""),
    new_code_cell("""table(warehouse.assessments()
    .where("assessment = 'teacher' AND term_id = '2024-25-summer' AND points IS NOT NULL")
    .groupBy("school_urn").agg(
        org.apache.spark.sql.functions.countDistinct("upn").alias("pupils"),
        org.apache.spark.sql.functions.round(org.apache.spark.sql.functions.avg("points"), 2).alias("mean_points"))
    .orderBy("school_urn"))"""),
])

notebook("governor-figure-from-pupils.ipynb", [
    new_markdown_cell("# A governor-pack figure from pupil rows\n\nThe KS2 reading, writing and "
                      "maths combined measure (% at Level 4+) for Kingsmead Valley (URN 128479) in "
                      "2024-25, counted by hand from its pupils' rows, then set beside the figure "
                      "the engine computes for the governor pack, with the same 95% interval."),
    new_code_cell(SETUP),
    new_code_cell(FIGURE),
    new_markdown_cell("Each pupil's three KS2 results. A pupil counts only with a counted result "
                      "in all three subjects, and reaches Level 4 only by reaching it in all three."),
    new_code_cell("""var ks2 = warehouse.assessments()
    .where("school_urn = '128479' AND assessment = 'ks2' AND academic_year = '2024-25' AND term = 'summer'")
    .select("upn", "subject", "grade", "level", "points")
    .collectAsList();
var levels = new TreeMap<String, List<Integer>>();
for (Row r : ks2) {
  if (!r.isNullAt(4)) levels.computeIfAbsent(r.getString(0), k -> new ArrayList<>()).add(r.getInt(3));
}
int pupils = 0, level4 = 0;
for (var subjects : levels.values()) {
  if (subjects.size() != 3) continue;
  pupils++;
  if (Collections.min(subjects) >= 4) level4++;
}
var byHand = ProportionIntervals.recommended(new Proportion(level4, pupils), ConfidenceLevel.NINETY_FIVE);
String.format(Locale.ROOT, "By hand: %d of %d pupils at Level 4+ in all three = %.1f%% (95%% interval %.1f to %.1f, %s)",
    level4, pupils, 100.0 * level4 / pupils, 100 * byHand.interval().lower(), 100 * byHand.interval().upper(), byHand.method())"""),
    new_markdown_cell("The engine's own figure, from the same rows (`AttainmentMetrics`, as "
                      "`./clusterlens report` runs it)."),
    new_code_cell("""var figures = AttainmentMetrics.compute(warehouse.assessments().where("school_urn = '128479'"));
var engine = figures.stream()
    .filter(f -> f.measure().equals(Measures.PCT_LEVEL4_PLUS) && f.assessment().equals("ks2")
        && f.subject().equals(Figure.RWM) && f.group().equals(Figure.ALL) && f.academicYear().equals("2024-25"))
    .findFirst().orElseThrow();
describe(engine)"""),
    new_code_cell("""engine.numerator().intValue() == level4 && engine.denominator() == pupils
    ? "The engine's figure matches the count from pupil rows."
    : "MISMATCH: the engine's figure differs from the pupil rows\""""),
])

notebook("what-if-leave-one-out.ipynb", [
    new_markdown_cell("# What if one pupil were left out?\n\nIn a school of a few dozen pupils a "
                      "single child moves a percentage, its interval and the shift from last year. Take Kingsmead Valley's "
                      "2024-25 KS2 combined figure, leave out each pupil who reached Level 4+ in "
                      "turn (one is shown) and see the figure, its interval and the year-on-year "
                      "shift move."),
    new_code_cell(SETUP),
    new_code_cell(FIGURE),
    new_code_cell("""List<Figure> ks2Combined(Dataset<Row> rows) {
  return AttainmentMetrics.compute(rows).stream()
      .filter(f -> f.school().equals("128479") && f.assessment().equals("ks2") && f.subject().equals(Figure.RWM) && f.group().equals(Figure.ALL)
          && (f.measure().equals(Measures.PCT_LEVEL4_PLUS) || f.measure().equals(Measures.SHIFT_PCT_LEVEL4_PLUS)))
      .toList();
}
var school = warehouse.assessments().where("school_urn = '128479'");
var before = ks2Combined(school);
var text = new StringBuilder("With every pupil:\\n");
before.forEach(f -> text.append("  " + describe(f) + "\\n"));
"<pre>" + text + "</pre>\""""),
    new_markdown_cell("Leave out one pupil who reached Level 4 in all three subjects in 2024-25 "
                      "(the first by UPN; the UPN itself is not shown)."),
    new_code_cell("""var reachers = school
    .where("assessment = 'ks2' AND academic_year = '2024-25' AND term = 'summer' AND points IS NOT NULL")
    .groupBy("upn").agg(org.apache.spark.sql.functions.min("level").alias("lowest"),
        org.apache.spark.sql.functions.count("*").alias("subjects"))
    .where("subjects = 3 AND lowest >= 4").orderBy("upn").collectAsList();
var leftOut = reachers.get(0).getString(0);
var after = ks2Combined(school.where(org.apache.spark.sql.functions.col("upn").notEqual(leftOut)));
var moved = new StringBuilder(reachers.size() + " pupils reached Level 4+; without one of them:\\n");
after.forEach(f -> moved.append("  " + describe(f) + "\\n"));
"<pre>" + moved + "</pre>\""""),
    new_code_cell("""var was = before.stream().filter(f -> f.measure().equals(Measures.PCT_LEVEL4_PLUS) && f.academicYear().equals("2024-25")).findFirst().orElseThrow();
var now = after.stream().filter(f -> f.measure().equals(Measures.PCT_LEVEL4_PLUS) && f.academicYear().equals("2024-25")).findFirst().orElseThrow();
String.format(Locale.ROOT, "One pupil moves the figure by %.1f points (%.1f%% -> %.1f%%) and its interval from %.1f-%.1f to %.1f-%.1f.",
    now.value() - was.value(), was.value(), now.value(), was.lower(), was.upper(), now.lower(), now.upper())"""),
])
