package org.clusterlens.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clusterlens.metrics.Screening;
import org.clusterlens.model.Figure;
import org.clusterlens.model.Judgement;
import org.clusterlens.model.School;
import org.clusterlens.pipeline.PackWriter;
import org.clusterlens.report.ClusterPack;
import org.clusterlens.report.DemoLikeCluster;
import org.clusterlens.report.GovernorPack;
import org.clusterlens.report.KeyPoint;
import org.clusterlens.report.MeasureFunnel;
import org.clusterlens.report.VisitBrief;
import org.clusterlens.report.html.ClusterPackHtml;
import org.clusterlens.report.html.GovernorPackHtml;
import org.clusterlens.stats.FunnelPosition;
import org.clusterlens.stats.SmallNumberRules;
import org.junit.jupiter.api.Test;

/**
 * The key points' limits over packs shaped like the demo cluster's: a first screen of at most about
 * 300 words, sentences of at most 25 words, and every percentage shown with its n beside it.
 */
class PackWordLimitsTest {

  private static final List<GovernorPack> GOVERNOR = new ArrayList<>();
  private static final ClusterPack PARTNER =
      PackWriter.clusterPack(
          DemoLikeCluster.cluster(), DemoLikeCluster.figures(), DemoLikeCluster.provenance());
  private static final Map<String, String> PAGES = new LinkedHashMap<>();

  static {
    for (School s : DemoLikeCluster.cluster().schools()) {
      GovernorPack pack =
          PackWriter.governorPack(
              DemoLikeCluster.cluster(),
              s.urn(),
              DemoLikeCluster.figures(),
              DemoLikeCluster.provenance());
      GOVERNOR.add(pack);
      PAGES.put("governor-" + s.urn(), GovernorPackHtml.render(pack));
    }
    PAGES.put("cluster-pack", ClusterPackHtml.render(PARTNER));
  }

  /** A number followed by a percent sign, and what follows it. */
  private static final Pattern PERCENT = Pattern.compile("(\\d+(?:\\.\\d+)?)%(?=(.{0,20}))");

  private static final Pattern WITH_N = Pattern.compile("^ \\(\\d+ of \\d+\\).*");

  /** Confidence levels name a method, not a share of pupils: 95% limits, 99.8% limits. */
  private static final List<String> LEVELS = List.of("95", "99.8");

  @Test
  void theFirstScreenHasAtMostAbout300Words() {
    for (Map.Entry<String, String> page : PAGES.entrySet()) {
      String html = page.getValue();
      int end = html.indexOf("</section>");
      String firstScreen = text(html.substring(html.indexOf("<body>"), end));

      assertThat(words(firstScreen))
          .as(page.getKey() + ": " + firstScreen)
          .isLessThanOrEqualTo(300);
    }
  }

  @Test
  void everyKeyPointAndBriefSentenceHasAtMost25Words() {
    List<String> texts = new ArrayList<>();
    GOVERNOR.forEach(p -> p.keyPoints().forEach(k -> add(texts, k)));
    PARTNER.keyPoints().forEach(k -> add(texts, k));
    for (VisitBrief b : PARTNER.briefs()) {
      texts.addAll(b.facts());
      texts.addAll(b.strengths());
      texts.addAll(b.probes());
      texts.addAll(b.questions());
    }
    assertThat(texts).hasSizeGreaterThan(50);
    for (String text : texts) {
      for (String sentence : text.split("(?<=[.?!])\\s+")) {
        assertThat(words(sentence)).as(sentence).isLessThanOrEqualTo(25);
      }
    }
  }

  @Test
  void everyPercentageShownHasItsNBesideIt() {
    int seen = 0;
    for (Map.Entry<String, String> page : PAGES.entrySet()) {
      String text = text(page.getValue());
      Matcher m = PERCENT.matcher(text);
      while (m.find()) {
        seen++;
        boolean level = LEVELS.contains(m.group(1)) && !m.group(2).startsWith(" (");
        if (!level) {
          assertThat(m.group(2))
              .as(page.getKey() + ": '" + m.group() + "' shows a percentage without its n")
              .matches(WITH_N);
        }
      }
    }
    assertThat(seen).as("percentages checked").isGreaterThan(500);
  }

  @Test
  void aSchoolJustOutsideTheNinetyFivePercentLimitsIsNotFlaggedAmongEightSchools() {
    // Seven schools at 28 of 40 and one at 20 of 40: the eighth is outside the 95% limits (z about
    // -2.4, exact p about 0.02), but not once eight schools are compared (Benjamini–Hochberg).
    List<Figure> figures = new ArrayList<>();
    long met = 0;
    for (String urn : DemoLikeCluster.URNS) {
      int x = urn.equals("116004") ? 20 : 28;
      met += x;
      figures.add(
          new Figure(
              "pct_level4_plus",
              "ks2",
              "rwm",
              urn,
              "all",
              "all",
              "2024-25",
              "summer",
              (double) x,
              40L,
              100.0 * x / 40));
    }
    figures.add(
        new Figure(
            "pct_level4_plus",
            "ks2",
            "rwm",
            Figure.CLUSTER,
            "all",
            "all",
            "2024-25",
            "summer",
            (double) met,
            320L,
            100.0 * met / 320));

    ClusterPack pack =
        PackWriter.clusterPack(
            DemoLikeCluster.cluster(),
            Screening.screen(figures, SmallNumberRules.DEFAULT),
            DemoLikeCluster.provenance());

    MeasureFunnel.FunnelRow dunham =
        MeasureFunnel.titled(pack.funnels(), MeasureFunnel.RWM_LEVEL4)
            .orElseThrow()
            .row("Dunham Primary")
            .orElseThrow();
    assertThat(dunham.position95()).isEqualTo(FunnelPosition.BELOW);
    assertThat(dunham.clearOfChance()).isFalse();
    assertThat(dunham.judgement().verdict()).isEqualTo(Judgement.Verdict.CANNOT_TELL);
    assertThat(PlainWords.funnel(dunham))
        .contains("Cannot tell yet: chance alone could give this, allowing for the 8 schools");
    assertThat(pack.keyPoints()).noneMatch(k -> k.kind() == KeyPoint.Kind.PROBE);
  }

  @Test
  void keyPointsOfEveryKindAppearWhereTheFiguresCallForThem() {
    assertThat(PARTNER.keyPoints())
        .extracting(KeyPoint::kind)
        .contains(KeyPoint.Kind.STRENGTH, KeyPoint.Kind.PROBE, KeyPoint.Kind.NOT_YET_CLEAR);
    GovernorPack dunham = GOVERNOR.get(3);
    assertThat(dunham.keyPoints()).extracting(KeyPoint::kind).contains(KeyPoint.Kind.PROBE);
    GovernorPack garboldisham = GOVERNOR.get(6);
    assertThat(garboldisham.keyPoints())
        .extracting(KeyPoint::kind)
        .contains(KeyPoint.Kind.STRENGTH);
    assertThat(PARTNER.briefs()).hasSize(8);
    assertThat(PARTNER.briefs().get(3).probes().get(0))
        .contains("To probe: chance alone would rarely");
  }

  @Test
  void laterSectionsShowTheirFiguresWhenTheMetricsHoldThem() {
    String cawston = text(PAGES.get("governor-116003"));
    assertThat(cawston)
        .contains("Pupils on the return")
        .contains("Points gained since last term")
        .contains("Disadvantaged pupils")
        .contains("Groups of fewer than 11 pupils are not compared:")
        .doesNotContain("Too few pupils to compare")
        .contains("not received: Spring 2024-25")
        .contains("2022-23")
        .doesNotContain("not yet available from these returns");
  }

  private static void add(List<String> texts, KeyPoint k) {
    texts.add(k.statement());
    texts.add(k.question());
  }

  /** The words a reader sees: scripts, styles and tags removed, entities read. */
  private static String text(String html) {
    return html.replaceAll("(?s)<script\\b.*?</script>", " ")
        .replaceAll("(?s)<style\\b.*?</style>", " ")
        .replaceAll("(?s)<[^>]+>", " ")
        .replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&#39;", "'")
        .replace("&quot;", "\"")
        .replaceAll("\\s+", " ")
        .strip();
  }

  private static int words(String text) {
    String t = text.strip();
    return t.isEmpty() ? 0 : t.split("\\s+").length;
  }
}
