package org.clusterlens.pipeline;

import java.nio.file.Path;
import java.util.List;

/**
 * The files one run of {@link PackWriter} wrote.
 *
 * @param files every file, in the order written; never null
 */
public record WrittenPacks(List<Path> files) {

  public WrittenPacks {
    files = List.copyOf(files);
  }
}
