package org.clusterlens.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * Reads a legacy .xls (Excel 97–2003) return with POI's HSSF, opened read-only. Takes the sheet
 * named "Pupils", or the first sheet when there is none; formulas give their cached values (the
 * workbook is never recalculated), and date cells come out as ISO dates ({@code 2015-03-14}), as
 * the xlsx reader gives them.
 */
public final class XlsSheetReader {

  private XlsSheetReader() {}

  /**
   * Reads the data sheet's rows.
   *
   * @param fileName the name to use in messages
   * @param file the workbook
   * @param limits how many rows a return may have
   * @throws UnreadableReturnException if the file is not a readable .xls workbook, is
   *     password-protected, or has too many rows
   */
  public static RawSheet read(String fileName, Path file, ReturnLimits limits)
      throws UnreadableReturnException {
    try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
      if (fs.getRoot().hasEntryCaseInsensitive("EncryptionInfo")) {
        // An encrypted xlsx is an OLE2 file holding the encrypted package.
        throw new UnreadableReturnException(XlsxSheetReader.PASSWORD_PROTECTED);
      }
      try (HSSFWorkbook workbook = new HSSFWorkbook(fs.getRoot(), false)) {
        if (workbook.getNumberOfSheets() == 0) {
          throw new UnreadableReturnException("this workbook has no worksheets");
        }
        Sheet sheet = workbook.getSheetAt(0);
        for (Sheet candidate : workbook) {
          if (candidate.getSheetName().trim().equalsIgnoreCase(XlsxSheetReader.PUPILS_SHEET)) {
            sheet = candidate;
            break;
          }
        }
        return new RawSheet(fileName, sheet.getSheetName(), rows(sheet, limits), merged(sheet));
      }
    } catch (EncryptedDocumentException e) {
      throw new UnreadableReturnException(XlsxSheetReader.PASSWORD_PROTECTED, e);
    } catch (IOException | RuntimeException e) {
      // HSSF reports damaged files through many exception types, some unchecked.
      throw new UnreadableReturnException(
          "this .xls workbook is damaged and could not be read; open it in Excel, save it again"
              + " as .xlsx and hand that in",
          e);
    }
  }

  /**
   * Reads the template's "About this return" sheet, if the workbook has one. Call only after {@link
   * #read(String, Path, ReturnLimits)} accepted the file.
   *
   * @throws UnreadableReturnException if the file is not a readable .xls workbook
   */
  public static Optional<RawSheet> about(String fileName, Path file)
      throws UnreadableReturnException {
    try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true);
        HSSFWorkbook workbook = new HSSFWorkbook(fs.getRoot(), false)) {
      for (Sheet candidate : workbook) {
        if (candidate.getSheetName().trim().equalsIgnoreCase(AboutThisReturn.SHEET)) {
          List<RawSheet.Row> rows = new ArrayList<>();
          for (Row row : candidate) {
            if (row.getRowNum() >= AboutThisReturn.ROWS_READ) {
              break;
            }
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < 2; c++) {
              Cell cell = row.getCell(c);
              cells.add(cell == null ? "" : text(cell, new DataFormatter(Locale.UK)).trim());
            }
            rows.add(new RawSheet.Row(row.getRowNum() + 1, cells));
          }
          return Optional.of(new RawSheet(fileName, candidate.getSheetName(), rows));
        }
      }
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      throw new UnreadableReturnException(
          "this .xls workbook is damaged and could not be read; open it in Excel, save it again"
              + " as .xlsx and hand that in",
          e);
    }
  }

  private static List<RawSheet.Row> rows(Sheet sheet, ReturnLimits limits)
      throws UnreadableReturnException {
    DataFormatter formatter = new DataFormatter(Locale.UK);
    List<RawSheet.Row> rows = new ArrayList<>();
    for (Row row : sheet) {
      List<String> cells = new ArrayList<>();
      for (int c = 0; c < Math.max(row.getLastCellNum(), 0); c++) {
        Cell cell = row.getCell(c);
        cells.add(cell == null ? "" : text(cell, formatter));
      }
      RawSheet.Row raw = new RawSheet.Row(row.getRowNum() + 1, cells);
      if (!raw.isBlank()) {
        rows.add(raw);
        if (rows.size() > limits.maxRows()) {
          throw limits.tooManyRows();
        }
      }
    }
    return rows;
  }

  /** A cell's text as Excel shows it; a formula shows the value Excel last calculated. */
  private static String text(Cell cell, DataFormatter formatter) {
    CellType type = cell.getCellType();
    if (type == CellType.FORMULA) {
      type = cell.getCachedFormulaResultType();
    }
    return switch (type) {
      case NUMERIC -> {
        double value = cell.getNumericCellValue();
        if (DateUtil.isCellDateFormatted(cell) && DateUtil.isValidExcelDate(value)) {
          yield DateUtil.getLocalDateTime(value).toLocalDate().toString();
        }
        yield formatter.formatRawCellContents(
            value, cell.getCellStyle().getDataFormat(), cell.getCellStyle().getDataFormatString());
      }
      case STRING -> cell.getStringCellValue();
      case BOOLEAN -> cell.getBooleanCellValue() ? "TRUE" : "FALSE";
      case ERROR -> FormulaError.forInt(cell.getErrorCellValue()).getString();
      default -> "";
    };
  }

  private static List<RawSheet.Merged> merged(Sheet sheet) {
    List<RawSheet.Merged> merged = new ArrayList<>();
    for (CellRangeAddress range : sheet.getMergedRegions()) {
      merged.add(RawSheet.Merged.of(range));
    }
    return merged;
  }
}
