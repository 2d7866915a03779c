package org.clusterlens.insight;

import java.util.List;

/**
 * The words of the governors' "Reading your data" page: a glossary, worked examples taken from the
 * cluster's own anonymised figures, and practice questions with answers.
 *
 * @param clusterName the cluster's name; never null
 * @param glossary plain-English meanings, in teaching order; never null
 * @param examples worked examples, each from real figures; never null
 * @param questions practice questions with their answers; never null
 */
public record TrainingPage(
    String clusterName,
    List<GlossaryEntry> glossary,
    List<WorkedExample> examples,
    List<Practice> questions) {

  public TrainingPage {
    glossary = List.copyOf(glossary);
    examples = List.copyOf(examples);
    questions = List.copyOf(questions);
  }

  /**
   * One glossary entry.
   *
   * @param term the word, e.g. "Average points (APS)"; never null
   * @param meaning what it means, in plain English; never null
   */
  public record GlossaryEntry(String term, String meaning) {}

  /**
   * A worked example: what the figure looks like, then step by step how to read it.
   *
   * @param title e.g. "This looks like a fall: could chance explain it?"; never null
   * @param steps the sentences, each with the figures it quotes; never null
   * @param lesson the one thing to take away; never null
   */
  public record WorkedExample(String title, List<TracedSentence> steps, String lesson) {
    public WorkedExample {
      steps = List.copyOf(steps);
    }
  }

  /**
   * A practice question.
   *
   * @param question the question, with the figures it needs; never null
   * @param answer the answer, with its reasoning; never null
   */
  public record Practice(TracedSentence question, TracedSentence answer) {}
}
