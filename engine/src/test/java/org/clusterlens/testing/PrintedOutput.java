package org.clusterlens.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What a command printed to the terminal during one test, standard output then standard error.
 * Register it with {@code @RegisterExtension}; the streams are put back after each test.
 */
public final class PrintedOutput implements BeforeEachCallback, AfterEachCallback {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream stdout;
  private PrintStream stderr;

  @Override
  public void beforeEach(ExtensionContext context) {
    out.reset();
    err.reset();
    stdout = System.out;
    stderr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Override
  public void afterEach(ExtensionContext context) {
    System.setOut(stdout);
    System.setErr(stderr);
  }

  /** Everything printed so far in this test. */
  public String text() {
    return standardOutput() + standardError();
  }

  /** What was printed to standard output so far in this test. */
  public String standardOutput() {
    return out.toString(StandardCharsets.UTF_8);
  }

  /** What was printed to standard error so far in this test. */
  public String standardError() {
    return err.toString(StandardCharsets.UTF_8);
  }
}
