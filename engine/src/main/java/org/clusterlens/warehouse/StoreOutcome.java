package org.clusterlens.warehouse;

/**
 * What storing a return did.
 *
 * @param action whether the return was new, replaced an earlier one, or was identical to what is
 *     held
 * @param version the warehouse version that now holds the return
 */
public record StoreOutcome(Action action, long version) {

  /** What happened to the school's term. */
  public enum Action {
    /** The term had no return before. */
    ADDED,
    /** An earlier return for the term was replaced, atomically. */
    REPLACED,
    /** The same file was handed in again; nothing changed. */
    UNCHANGED
  }
}
