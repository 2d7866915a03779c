package org.clusterlens.report.html;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * The plotly.js library from the {@code org.webjars.npm:plotly.js-dist} webjar, carried inside
 * every page so that packs work offline and never call a CDN.
 *
 * <p>The build minifies the webjar's 10.8 MB source with Closure Compiler (whitespace only) into
 * {@value #MINIFIED}; pages carry that, gzip-compressed and base64-encoded (about 2.2 MB), and
 * unpack it in the browser. When the minified file is missing (a build that skipped the step) the
 * webjar's own source is used, which still works but makes pages about 3.2 MB.
 */
public final class PlotlyLibrary {

  /** Where the build writes the minified library on the classpath. */
  static final String MINIFIED = "org/clusterlens/report/html/plotly.min.js";

  private static final String POM_PROPERTIES =
      "META-INF/maven/org.webjars.npm/plotly.js-dist/pom.properties";
  private static final String SCRIPT = "META-INF/resources/webjars/plotly.js-dist/%s/plotly.js";
  private static final Pattern FIRST_COMMENT =
      Pattern.compile("\\A\\s*(/\\*.*?\\*/)", Pattern.DOTALL);

  private PlotlyLibrary() {}

  /** The webjar's plotly.js version, e.g. {@code 2.35.3}. */
  public static String version() {
    return Holder.VERSION;
  }

  /**
   * The plotly.js source the pages carry (minified when the build made it), loaded once.
   *
   * @throws IllegalStateException if the webjar is not on the classpath
   */
  public static String source() {
    return Holder.SOURCE;
  }

  /**
   * Plotly's own licence header ({@code /** plotly.js v2.35.3 … MIT license *\/}), which every page
   * repeats in plain text beside the compressed library.
   */
  public static String licenceHeader() {
    return Holder.LICENCE;
  }

  /** {@link #source()} gzip-compressed and base64-encoded, as the pages carry it. */
  public static String compressedBase64() {
    return Holder.COMPRESSED;
  }

  /** Tells whether the build's minified library is on the classpath. */
  public static boolean minified() {
    return Holder.MINIFIED_PRESENT;
  }

  /** Loads on first use, so that code that never renders HTML never pays for 10 MB. */
  private static final class Holder {
    static final String VERSION = readVersion();
    static final String LICENCE = licenceOf(readHeader(String.format(SCRIPT, VERSION)));
    static final boolean MINIFIED_PRESENT =
        PlotlyLibrary.class.getClassLoader().getResource(MINIFIED) != null;
    // The webjar's 10.8 MB source is read only when the build's minified library is missing:
    // reading and checking it cost about 0.7 CPU-s of every run that writes a page.
    static final String SOURCE =
        MINIFIED_PRESENT
            ? withLicence(readScript(MINIFIED))
            : readScript(String.format(SCRIPT, VERSION));
    static final String COMPRESSED = gzipBase64(SOURCE);
  }

  private static String licenceOf(String source) {
    Matcher m = FIRST_COMMENT.matcher(source);
    if (!m.find() || !m.group(1).contains("Licensed under")) {
      throw new IllegalStateException("plotly.js no longer starts with its licence header");
    }
    return m.group(1);
  }

  /** Closure Compiler drops comments without {@code @license}: put Plotly's header back. */
  private static String withLicence(String minified) {
    return minified.contains(Holder.LICENCE) ? minified : Holder.LICENCE + "\n" + minified;
  }

  private static String gzipBase64(String js) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(js.length() / 4);
    try (GZIPOutputStream gzip =
        new GZIPOutputStream(bytes, 64 * 1024) {
          {
            def.setLevel(Deflater.BEST_COMPRESSION);
          }
        }) {
      gzip.write(js.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("Could not compress plotly.js in memory", e);
    }
    return Base64.getEncoder().encodeToString(bytes.toByteArray());
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

  /** The start of a script, up to the end of its first comment (Plotly's licence header). */
  private static String readHeader(String path) {
    try (InputStream in = open(path)) {
      ByteArrayOutputStream start = new ByteArrayOutputStream();
      byte[] chunk = new byte[8192];
      int n;
      while ((n = in.read(chunk)) > 0) {
        start.write(chunk, 0, n);
        String text = start.toString(StandardCharsets.UTF_8);
        String lead = text.stripLeading();
        if (FIRST_COMMENT.matcher(text).find() || (lead.length() >= 2 && !lead.startsWith("/*"))) {
          return text;
        }
      }
      return start.toString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read " + path, e);
    }
  }

  private static String readScript(String path) {
    try (InputStream in = open(path)) {
      String js = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      if (js.toLowerCase(Locale.ROOT).contains("</script")) {
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
