package org.clusterlens.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Runs one piece of work per item on as many threads as the machine has processors, and gives the
 * results back in the items' order, so what is written does not depend on which thread finished
 * first. A failure stops the rest and is rethrown as it was thrown (an unchecked exception keeps
 * its own message, such as the file that could not be written).
 */
final class ParallelWork {

  private ParallelWork() {}

  /**
   * Applies {@code work} to every item.
   *
   * @return the results, in the order of {@code items}
   */
  static <T, R> List<R> each(List<T> items, Function<T, R> work) {
    int threads = Math.min(items.size(), Runtime.getRuntime().availableProcessors());
    if (threads <= 1) {
      return items.stream().map(work).toList();
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads, ParallelWork::daemon);
    try {
      List<Future<R>> pending = new ArrayList<>(items.size());
      for (T item : items) {
        pending.add(pool.submit(() -> work.apply(item)));
      }
      List<R> results = new ArrayList<>(items.size());
      for (Future<R> f : pending) {
        results.add(resultOf(f));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  private static <R> R resultOf(Future<R> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(
          "Interrupted while work was being done side by side (returns read, feedback or packs written)",
          e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(cause);
    }
  }

  private static Thread daemon(Runnable r) {
    Thread t = new Thread(r, "clusterlens-work");
    t.setDaemon(true);
    return t;
  }
}
