package org.clusterlens.report.html;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * The plotly.js library from the {@code org.webjars.npm:plotly.js-dist} webjar on the classpath,
 * inlined into every page so that packs work offline and never call a CDN.
 */
public final class PlotlyLibrary {

  private static final String POM_PROPERTIES =
      "META-INF/maven/org.webjars.npm/plotly.js-dist/pom.properties";
  private static final String SCRIPT = "META-INF/resources/webjars/plotly.js-dist/%s/plotly.js";

  private PlotlyLibrary() {}

  /** The webjar's plotly.js version, e.g. {@code 2.35.3}. */
  public static String version() {
    return Holder.VERSION;
  }

  /**
   * The whole plotly.js source (about 10 MB), loaded once.
   *
   * @throws IllegalStateException if the webjar is not on the classpath
   */
  public static String source() {
    return Holder.SOURCE;
  }

  /** Loads on first use, so that code that never renders HTML never pays for 10 MB. */
  private static final class Holder {
    static final String VERSION = readVersion();
    static final String SOURCE = readScript(VERSION);
  }

  private static String readVersion() {
    try (InputStream in = open(POM_PROPERTIES)) {
      Properties p = new Properties();
      p.load(in);
      String v = p.getProperty("version");
      if (v == null || v.isBlank()) {
        throw new IllegalStateException(POM_PROPERTIES + " names no version");
      }
      return v.trim();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read " + POM_PROPERTIES, e);
    }
  }

  private static String readScript(String version) {
    String path = String.format(SCRIPT, version);
    try (InputStream in = open(path)) {
      String js = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      if (js.toLowerCase(java.util.Locale.ROOT).contains("</script")) {
        throw new IllegalStateException(path + " contains </script and cannot be inlined");
      }
      return js;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read " + path, e);
    }
  }

  private static InputStream open(String path) {
    InputStream in = PlotlyLibrary.class.getClassLoader().getResourceAsStream(path);
    if (in == null) {
      throw new IllegalStateException(
          "Can't find "
              + path
              + " on the classpath; the org.webjars.npm:plotly.js-dist webjar is missing");
    }
    return in;
  }
}
