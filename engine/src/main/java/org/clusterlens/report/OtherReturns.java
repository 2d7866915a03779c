package org.clusterlens.report;

import org.clusterlens.model.Term;

/**
 * The other schools' returns behind a governor pack, counted rather than listed: in a cluster of
 * more than {@link GovernorPack#LISTED_SCHOOLS_AT_MOST} schools (a local authority's) a governor
 * sees their own school's returns one by one and the rest in one sentence.
 *
 * @param schools how many other schools handed in returns
 * @param returns how many returns they handed in
 * @param first the earliest term among them; never null
 * @param last the latest term among them; never null
 */
public record OtherReturns(int schools, int returns, Term first, Term last) {

  /**
   * One plain sentence a governor reads, e.g. "The other 299 schools' 2,691 returns (Autumn 2023-24
   * to Summer 2025-26) are counted here, not listed: the cluster pack lists each one."
   */
  public String sentence() {
    String terms = first.equals(last) ? first.label() : first.label() + " to " + last.label();
    return "The other "
        + Numbers.thousands(schools)
        + (schools == 1 ? " school's " : " schools' ")
        + Numbers.thousands(returns)
        + (returns == 1 ? " return (" : " returns (")
        + terms
        + (returns == 1 ? ") is" : ") are")
        + " counted here, not listed: the cluster pack lists each one with its checksum.";
  }
}
