package org.clusterlens.ingest;

/**
 * Thrown when a file cannot be read as a return at all; the message is a sentence for its sender.
 */
public final class UnreadableReturnException extends Exception {

  private static final long serialVersionUID = 1L;

  public UnreadableReturnException(String message, Throwable cause) {
    super(message, cause);
  }

  public UnreadableReturnException(String message) {
    super(message);
  }
}
