package org.clusterlens.warehouse;

/**
 * The warehouse's log cannot be read: one of its files is cut short or corrupt. The message names
 * the file and says how to get the warehouse back.
 */
public final class DamagedWarehouseException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  DamagedWarehouseException(String message, Throwable cause) {
    super(message, cause);
  }
}
