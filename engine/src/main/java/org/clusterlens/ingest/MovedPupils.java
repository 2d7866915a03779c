package org.clusterlens.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.clusterlens.model.Pupil;
import org.clusterlens.model.ReturnColumn;

/**
 * Finds pupils listed by two schools in the same term: a warning on each accepted return (the pupil
 * has probably moved school), never an error. Compares UPNs only.
 */
public final class MovedPupils {

  private MovedPupils() {}

  /**
   * The checks with a warning added for every pupil whose UPN another school lists in the same
   * term, either in another return of this run or in a return the warehouse already holds.
   *
   * @param checks this run's checks; only accepted ones are compared and warned
   * @param held the UPNs of each return held already, by school URN within term id ({@code term id
   *     → school URN → UPNs}); a school term handed in again in this run is read from the run, not
   *     from here
   * @return the checks in the same order; never null
   */
  public static List<ReturnCheck> warn(
      List<ReturnCheck> checks, Map<String, Map<String, Set<String>>> held) {
    Map<String, Map<String, Set<String>>> byTerm = new TreeMap<>();
    held.forEach((term, schools) -> byTerm.put(term, new TreeMap<>(schools)));
    for (ReturnCheck c : checks) {
      if (c.accepted()) {
        Set<String> upns = new HashSet<>();
        for (Pupil p : c.pupils()) {
          upns.add(p.upn());
        }
        byTerm
            .computeIfAbsent(c.identity().term().id(), t -> new TreeMap<>())
            .put(c.identity().schoolUrn(), upns);
      }
    }
    // Within each term, the schools listing each UPN, in URN order: one look-up per pupil,
    // however many schools the term holds.
    Map<String, Map<String, List<String>>> schoolsByUpn = new HashMap<>();
    byTerm.forEach(
        (term, schools) -> {
          Map<String, List<String>> listing = new HashMap<>();
          schools.forEach(
              (urn, upns) ->
                  upns.forEach(u -> listing.computeIfAbsent(u, k -> new ArrayList<>(2)).add(urn)));
          schoolsByUpn.put(term, listing);
        });
    List<ReturnCheck> out = new ArrayList<>();
    for (ReturnCheck c : checks) {
      if (!c.accepted()) {
        out.add(c);
        continue;
      }
      Map<String, List<String>> listing = schoolsByUpn.get(c.identity().term().id());
      String own = c.identity().schoolUrn();
      List<ReturnProblem> warnings = new ArrayList<>();
      for (int i = 0; i < c.pupils().size(); i++) {
        Pupil p = c.pupils().get(i);
        List<String> listedBy = listing.getOrDefault(p.upn(), List.of());
        if (listedBy.size() < 2 && (listedBy.isEmpty() || listedBy.get(0).equals(own))) {
          continue;
        }
        List<String> others = listedBy.stream().filter(urn -> !urn.equals(own)).toList();
        if (!others.isEmpty()) {
          warnings.add(warning(c, p, c.pupilRows().get(i), others));
        }
      }
      out.add(warnings.isEmpty() ? c : c.withProblems(warnings));
    }
    return out;
  }

  private static ReturnProblem warning(ReturnCheck c, Pupil p, int row, List<String> others) {
    String header =
        c.header() == null
            ? ReturnColumn.UPN.header()
            : c.header().headers().getOrDefault(ReturnColumn.UPN, ReturnColumn.UPN.header());
    return new ReturnProblem(
        ReturnProblem.Severity.WARNING,
        c.identity().fileName(),
        c.sheet() == null ? null : c.sheet().sheet(),
        row,
        header,
        p.upn(),
        "is also listed by school "
            + String.join(" and ", others)
            + " in "
            + c.identity().term().id()
            + ", so the pupil may have moved school",
        "If the pupil moved, nothing needs changing (both returns are kept); if not, check the"
            + " UPN against the MIS");
  }
}
