package org.clusterlens.testing;

import org.apache.commons.csv.CSVRecord;
import org.clusterlens.model.Figure;

/** Reads rows of metrics.csv back into figures, as a reader of the export would. */
public final class MetricsCsvRows {

  private MetricsCsvRows() {}

  /**
   * The row's figure: its labels, scheme, numerator, denominator and value (an empty numerator or
   * denominator is null, an empty value NaN, as a withheld row has them). Intervals, p-values,
   * judgements and flags are left for the caller to add as it needs them.
   */
  public static Figure figure(CSVRecord r) {
    String numerator = r.get("numerator");
    String denominator = r.get("denominator");
    String value = r.get("value");
    String scheme = r.get("scheme");
    return new Figure(
            r.get("measure"),
            r.get("assessment"),
            r.get("subject"),
            r.get("school"),
            r.get("group"),
            r.get("group_value"),
            r.get("academic_year"),
            r.get("term"),
            numerator.isEmpty() ? null : Double.parseDouble(numerator),
            denominator.isEmpty() ? null : Long.parseLong(denominator),
            value.isEmpty() ? Double.NaN : Double.parseDouble(value))
        .inScheme(scheme.isEmpty() ? null : scheme);
  }
}
