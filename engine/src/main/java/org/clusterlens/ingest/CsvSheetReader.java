package org.clusterlens.ingest;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a csv return: UTF-8 (with or without a byte-order mark) or, when the bytes are not valid
 * UTF-8, Windows-1252; separated by commas, semicolons or tabs, whichever the header line uses most
 * on any of its first lines.
 */
public final class CsvSheetReader {

  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
  private static final char[] SEPARATORS = {',', ';', '\t'};

  private CsvSheetReader() {}

  /**
   * Reads the file's rows.
   *
   * @param fileName the name to use in messages
   * @param bytes the file's content
   * @throws UnreadableReturnException if the content is not text
   */
  public static RawSheet read(String fileName, byte[] bytes) throws UnreadableReturnException {
    return read(fileName, bytes, ReturnLimits.DEFAULT);
  }

  /**
   * Reads the file's rows, stopping when there are more than the limits allow.
   *
   * @param fileName the name to use in messages
   * @param bytes the file's content
   * @param limits how many rows a return may have
   * @throws UnreadableReturnException if the content is not text or has too many rows
   */
  public static RawSheet read(String fileName, byte[] bytes, ReturnLimits limits)
      throws UnreadableReturnException {
    String text = decode(bytes);
    if (text.indexOf('\0') >= 0) {
      throw new UnreadableReturnException(
          "this file is not a text csv file (it holds binary data); export the return again as csv or"
              + " xlsx");
    }
    char separator = separatorOf(text);
    CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(separator).get();
    List<RawSheet.Row> rows = new ArrayList<>();
    try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
      for (CSVRecord record : parser) {
        RawSheet.Row row =
            new RawSheet.Row((int) record.getRecordNumber(), List.of(record.values()));
        if (!row.isBlank()) {
          rows.add(row);
          if (rows.size() > limits.maxRows()) {
            throw limits.tooManyRows();
          }
        }
      }
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new UnreadableReturnException(
          "this csv file could not be read (" + e.getMessage() + "); check quotes are paired", e);
    }
    return new RawSheet(fileName, null, rows);
  }

  private static String decode(byte[] bytes) {
    int start =
        bytes.length >= 3
                && (bytes[0] & 0xFF) == 0xEF
                && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF
            ? 3
            : 0;
    ByteBuffer content = ByteBuffer.wrap(bytes, start, bytes.length - start);
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(content)
          .toString();
    } catch (CharacterCodingException notUtf8) {
      return new String(bytes, WINDOWS_1252);
    }
  }

  /**
   * The separator the file uses: the candidate that appears most often on any one of its first
   * lines, so a title line above the header (which may hold a comma) does not decide it.
   */
  private static char separatorOf(String text) {
    char best = ',';
    long bestCount = 0;
    String[] lines = text.split("\n", HeaderMapping.ROWS_SEARCHED + 1);
    for (int i = 0; i < Math.min(lines.length, HeaderMapping.ROWS_SEARCHED); i++) {
      String line = lines[i];
      for (char candidate : SEPARATORS) {
        long count = line.chars().filter(c -> c == candidate).count();
        if (count > bestCount) {
          best = candidate;
          bestCount = count;
        }
      }
    }
    return best;
  }
}
