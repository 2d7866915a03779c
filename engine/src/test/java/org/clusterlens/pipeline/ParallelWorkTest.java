package org.clusterlens.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ParallelWorkTest {

  @Test
  void resultsComeBackInTheSchoolsOrderWhicheverFinishesFirst() throws Exception {
    List<Integer> items = IntStream.range(0, 12).boxed().toList();
    Set<String> threads = ConcurrentHashMap.newKeySet();
    List<String> results =
        ParallelWork.each(
            items,
            i -> {
              threads.add(Thread.currentThread().getName());
              sleep(12 - i); // the first items finish last
              return "pack " + i;
            });
    assertThat(results).containsExactlyElementsOf(items.stream().map(i -> "pack " + i).toList());
    if (Runtime.getRuntime().availableProcessors() > 1) {
      assertThat(threads).allMatch(t -> t.startsWith("clusterlens-work"));
    }
  }

  @Test
  void aPackThatCannotBeWrittenIsReportedWithItsOwnMessage() {
    UncheckedIOException full =
        new UncheckedIOException(
            "Could not write reports/governor-128417.html: No space left on device",
            new IOException("No space left on device"));
    assertThatThrownBy(
            () ->
                ParallelWork.each(
                    List.of(1, 2, 3),
                    i -> {
                      if (i == 2) {
                        throw full;
                      }
                      return i;
                    }))
        .isSameAs(full);
  }

  private static void sleep(int millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
