package org.clusterlens.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clusterlens.insight.DataTraining;
import org.clusterlens.insight.SchoolNames;
import org.clusterlens.insight.TracedSentence;
import org.clusterlens.insight.TrainingPage;
import org.clusterlens.model.Cluster;
import org.clusterlens.model.Figure;
import org.clusterlens.model.School;
import org.clusterlens.report.DemoLikeCluster;
import org.clusterlens.report.GovernorPack;
import org.junit.jupiter.api.Test;

/**
 * Governors of every school meet at one training session: "School C" must be the same school in
 * every governor pack, on the training page and in the priorities, and each pack names its own
 * school with the letter the others see it under.
 */
class SchoolLettersTest {

  private static final Cluster CLUSTER = DemoLikeCluster.cluster();
  private static final List<Figure> FIGURES = DemoLikeCluster.figures();

  private static final Pattern PEER_ROW =
      Pattern.compile("<tr><th scope=\"row\">(School [A-Z])</th>(.*?)</tr>");
  private static final Pattern OWN_ROW =
      Pattern.compile("<tr class=\"self\"><th scope=\"row\">This school: ([^<]*)</th>(.*?)</tr>");
  private static final Pattern LETTER = Pattern.compile("School [A-Z]\\b");

  /** The letter every output gives the i-th school of the cluster. */
  private static String letter(int i) {
    return "School " + (char) ('A' + i);
  }

  @Test
  void everySchoolKeepsOneLetterInEveryGovernorPack() {
    SharedWork together = new SharedWork(CLUSTER, FIGURES);
    Map<String, String> ownRows = new HashMap<>();
    Map<String, Map<String, String>> peerRowsByPack = new LinkedHashMap<>();
    for (School s : CLUSTER.schools()) {
      GovernorPack pack =
          PackWriter.governorPack(CLUSTER, s.urn(), FIGURES, DemoLikeCluster.provenance());
      String html = together.governorHtml(pack);
      String peers = html.substring(html.indexOf("id=\"peers\""));
      peers = peers.substring(0, peers.indexOf("</table>"));
      Matcher own = OWN_ROW.matcher(peers);
      assertThat(own.find()).as("the own-school row of %s's pack", s.name()).isTrue();
      ownRows.put(s.urn(), own.group(2));
      int index = CLUSTER.schools().indexOf(s);
      assertThat(own.group(1))
          .as("%s's own pack names it, with the letter other packs give it", s.name())
          .contains(s.name())
          .contains(letter(index));
      Map<String, String> rows = new LinkedHashMap<>();
      Matcher m = PEER_ROW.matcher(peers);
      while (m.find()) {
        rows.put(m.group(1), m.group(2));
      }
      peerRowsByPack.put(s.urn(), rows);
    }
    for (Map.Entry<String, Map<String, String>> pack : peerRowsByPack.entrySet()) {
      List<String> expected = new ArrayList<>();
      for (int i = 0; i < CLUSTER.schools().size(); i++) {
        String urn = CLUSTER.schools().get(i).urn();
        if (urn.equals(pack.getKey())) {
          continue;
        }
        expected.add(letter(i));
        assertThat(pack.getValue().get(letter(i)))
            .as(
                "In %s's governor pack, %s's row should be %s's figures",
                pack.getKey(), letter(i), CLUSTER.schools().get(i).name())
            .isEqualTo(ownRows.get(urn));
      }
      assertThat(pack.getValue().keySet()).containsExactlyElementsOf(expected);
    }
  }

  @Test
  void theTrainingPageAndThePrioritiesUseTheSameLetters() {
    TrainingPage page = DataTraining.of(CLUSTER, FIGURES);
    List<TracedSentence> sentences = new ArrayList<>();
    page.examples().forEach(x -> sentences.addAll(x.steps()));
    page.questions().forEach(q -> sentences.addAll(List.of(q.question(), q.answer())));
    int checked = 0;
    for (TracedSentence s : sentences) {
      List<String> cited =
          s.sources().stream()
              .map(Figure::school)
              .filter(u -> !u.equals(Figure.CLUSTER))
              .distinct()
              .map(u -> letter(indexOf(u)))
              .toList();
      Matcher m = LETTER.matcher(s.text());
      while (m.find()) {
        assertThat(cited).as("the letter in \"%s\"", s.text()).contains(m.group());
        checked++;
      }
    }
    assertThat(checked).as("letters checked on the training page").isPositive();

    for (School reader : CLUSTER.schools()) {
      SchoolNames names = SchoolNames.forSchool(CLUSTER, reader.urn());
      for (int i = 0; i < CLUSTER.schools().size(); i++) {
        School s = CLUSTER.schools().get(i);
        assertThat(names.of(s.urn()))
            .as("%s as %s's governors read it", s.name(), reader.name())
            .isEqualTo(s == reader ? s.name() : letter(i));
      }
    }
  }

  private static int indexOf(String urn) {
    for (int i = 0; i < CLUSTER.schools().size(); i++) {
      if (CLUSTER.schools().get(i).urn().equals(urn)) {
        return i;
      }
    }
    throw new IllegalArgumentException("No school " + urn + " in " + CLUSTER.name());
  }
}
