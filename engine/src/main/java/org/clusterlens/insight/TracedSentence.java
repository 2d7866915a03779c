package org.clusterlens.insight;

import java.util.List;
import org.clusterlens.model.Figure;

/**
 * A sentence and the figures every number in it comes from, so a reader (or a test) can find each
 * number's row in {@code metrics.csv}.
 *
 * @param text the sentence; never null
 * @param sources the figures it quotes, in the order it quotes them; never null
 */
public record TracedSentence(String text, List<Figure> sources) {

  public TracedSentence {
    sources = List.copyOf(sources);
  }
}
