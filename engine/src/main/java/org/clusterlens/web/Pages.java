package org.clusterlens.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.List;
import org.clusterlens.model.School;
import org.clusterlens.model.Term;
import org.clusterlens.warehouse.StoredReturn;

/**
 * The service's pages: what each one shows, as values, and their rendering through the jte
 * templates in {@code src/main/jte} (compiled with the engine, HTML content type, so every value is
 * escaped for where it stands). Pure: each call returns the page as text.
 */
public final class Pages {

  private static final TemplateEngine JTE = TemplateEngine.createPrecompiled(ContentType.Html);

  private Pages() {}

  /** Renders one template with its one page value. */
  static String render(String template, Object page) {
    StringOutput out = new StringOutput();
    JTE.render(template, page, out);
    return out.toString();
  }

  /**
   * What every page carries around its content.
   *
   * @param title the page's title (plain text)
   * @param account who is signed in, or null
   * @param csrf the session's form token, or empty on a page with no form
   * @param refreshSeconds reload the page after this many seconds (0: never)
   */
  public record Frame(String title, Account account, String csrf, int refreshSeconds) {}

  /** The sign-in page. */
  public record SignIn(Frame frame, String name, String message) {}

  /** The page a one-time sign-in link opens, to choose a password. */
  public record Welcome(
      Frame frame, String name, String role, String school, String token, String message) {}

  /** A business manager's page: hand in this term's return, and the school's history. */
  public record Returns(
      Frame frame,
      School school,
      Term term,
      long maxMegabytes,
      List<HandIn> handIns,
      List<StoredReturn> held,
      String message) {}

  /** The feedback on one hand-in. */
  public record Feedback(Frame frame, School school, HandIn handIn, boolean hasMarkedCopy) {}

  /** One school's packs, for its governors (and the SIP and coordinator). */
  public record SchoolPacks(
      Frame frame,
      School school,
      boolean ready,
      String builtAt,
      String selfEvaluation,
      boolean seesCluster) {}

  /**
   * One school's line on the hand-in board.
   *
   * @param state "Received", "Rejected" or "Missing"
   * @param when when the file was handed in, or empty
   * @param by who handed it in, or empty
   * @param detail anything more, e.g. how many errors
   */
  public record BoardRow(School school, String state, String when, String by, String detail) {}

  /** The pack build, as a reader needs to know it. */
  public record BuildView(
      String served,
      boolean running,
      long secondsSoFar,
      String reason,
      boolean queued,
      String lastTook,
      String lastFailure) {}

  /** The SIP's and coordinator's page: the hand-in board and the packs. */
  public record ClusterPage(
      Frame frame,
      Term term,
      List<BoardRow> board,
      List<School> schools,
      BuildView build,
      boolean mayRebuild) {}

  /** The pack build's progress page. */
  public record Builds(Frame frame, BuildView build, boolean mayRebuild) {}

  /** A page with one message: refused, not found, failed. */
  public record Message(Frame frame, String heading, String text) {}
}
