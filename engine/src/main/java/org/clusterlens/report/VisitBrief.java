package org.clusterlens.report;

import java.util.List;

/**
 * One school's one-page brief for the School Improvement Partner's visit.
 *
 * @param school the school's name; never null
 * @param facts the few figures the brief rests on, each with its n; never null
 * @param strengths what is strong; never null, may be empty
 * @param probes what to probe; never null, may be empty
 * @param questions questions to ask on the visit; never null
 */
public record VisitBrief(
    String school,
    List<String> facts,
    List<String> strengths,
    List<String> probes,
    List<String> questions) {

  public VisitBrief {
    facts = List.copyOf(facts);
    strengths = List.copyOf(strengths);
    probes = List.copyOf(probes);
    questions = List.copyOf(questions);
  }
}
