package org.clusterlens.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Limits wrong passwords: after {@link #MAX_FAILURES} wrong passwords within a minute for one
 * account name, or from one address, every further attempt is refused until the oldest of them is a
 * minute old, even with the right password.
 */
public final class SignInThrottle {

  /** Wrong passwords allowed in {@link #WINDOW}; the next attempt is refused. */
  public static final int MAX_FAILURES = 5;

  /** The window wrong passwords are counted in. */
  public static final Duration WINDOW = Duration.ofMinutes(1);

  private final Clock clock;
  private final Map<String, Deque<Instant>> failures = new HashMap<>();

  SignInThrottle(Clock clock) {
    this.clock = clock;
  }

  /** Tells whether an attempt for this name from this address is refused now. */
  public synchronized boolean refuses(String name, String address) {
    return recent(nameKey(name)) >= MAX_FAILURES || recent(addressKey(address)) >= MAX_FAILURES;
  }

  /** Counts one wrong password for this name and this address. */
  public synchronized void failed(String name, String address) {
    Instant now = clock.instant();
    failures.computeIfAbsent(nameKey(name), k -> new ArrayDeque<>()).addLast(now);
    failures.computeIfAbsent(addressKey(address), k -> new ArrayDeque<>()).addLast(now);
  }

  private int recent(String key) {
    Deque<Instant> times = failures.get(key);
    if (times == null) {
      return 0;
    }
    Instant since = clock.instant().minus(WINDOW);
    while (!times.isEmpty() && times.peekFirst().isBefore(since)) {
      times.removeFirst();
    }
    if (times.isEmpty()) {
      failures.remove(key);
      return 0;
    }
    return times.size();
  }

  private static String nameKey(String name) {
    return "name:" + (name == null ? "" : name.trim().toLowerCase(Locale.ROOT));
  }

  private static String addressKey(String address) {
    return "address:" + address;
  }
}
