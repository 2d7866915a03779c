package org.clusterlens.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.clusterlens.model.Figure;
import org.junit.jupiter.api.Test;

/**
 * Figures sorted by their labels' ranks come out exactly as sorting by {@link
 * AttainmentMetrics#ORDER} puts them, so exports, packs and secondary suppression (which settles
 * ties by order) see the same order: labels ordered as text ("10" before "9"), figures without a
 * scheme first, and figures with the same labels kept in the order given.
 */
class FigureSortTest {

  private static final String[] MEASURES = {"pct_level4_plus", "average_points", "gap_pct_x"};
  private static final String[] ASSESSMENTS = {"ks2", "teacher", "context"};
  private static final String[] SCHEMES = {null, "nc-levels", "ks2-2016"};
  private static final String[] YEARS = {"2023-24", "2024-25", "2025-26"};
  private static final String[] TERMS = {"summer", "autumn", "spring"};
  private static final String[] SCHOOLS = {"100010", "100002", "99", Figure.CLUSTER};
  private static final String[] GROUPS = {Figure.ALL, "year_group", "gender"};
  private static final String[] VALUES = {Figure.ALL, "10", "9", "2", "female"};
  private static final String[] SUBJECTS = {"reading", "maths", Figure.RWM};

  private static <T> T any(Random random, T[] values) {
    return values[random.nextInt(values.length)];
  }

  private static List<Figure> figures(int count, long seed) {
    Random random = new Random(seed);
    List<Figure> figures = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      figures.add(
          new Figure(
                  any(random, MEASURES),
                  any(random, ASSESSMENTS),
                  any(random, SUBJECTS),
                  // Labels made afresh, not shared: equal text must sort as equal.
                  new String(any(random, SCHOOLS).toCharArray()),
                  any(random, GROUPS),
                  any(random, VALUES),
                  any(random, YEARS),
                  any(random, TERMS),
                  null,
                  null,
                  // The value tells figures with the same labels apart.
                  i)
              .inScheme(any(random, SCHEMES)));
    }
    return figures;
  }

  @Test
  void sortsAsTheOrderDoesKeepingFiguresWithTheSameLabelsInTheOrderGiven() {
    List<Figure> figures = figures(5_000, 20261207L);
    List<Figure> byOrder = new ArrayList<>(figures);
    byOrder.sort(AttainmentMetrics.ORDER);

    List<Figure> byRanks = new ArrayList<>(figures);
    FigureSort.sort(byRanks);

    assertThat(byRanks).containsExactlyElementsOf(byOrder);
    // Some figures share every label, so the order they were given in is tested.
    assertThat(byOrder.stream().map(f -> f.toString().replaceAll("value=[^,]*,", "")).distinct())
        .hasSizeLessThan(figures.size());
  }

  @Test
  void anOrderedListAndOneOfAFigureStayAsTheyAre() {
    List<Figure> figures = figures(300, 7L);
    figures.sort(AttainmentMetrics.ORDER);
    List<Figure> sorted = new ArrayList<>(figures);
    FigureSort.sort(sorted);
    assertThat(sorted).containsExactlyElementsOf(figures);

    List<Figure> one = new ArrayList<>(figures.subList(0, 1));
    FigureSort.sort(one);
    assertThat(one).containsExactly(figures.get(0));

    List<Figure> reversed = new ArrayList<>(figures);
    Collections.reverse(reversed);
    List<Figure> expected = new ArrayList<>(reversed);
    expected.sort(AttainmentMetrics.ORDER);
    FigureSort.sort(reversed);
    assertThat(reversed).containsExactlyElementsOf(expected);
  }
}
