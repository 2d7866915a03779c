package org.clusterlens.warehouse;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.DelegateToFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.spark.sql.SparkSession;

/**
 * The local disk, full at the moment a commit is written: a write's data files go in, its entry in
 * the warehouse's log ({@code _delta_log/…json}) does not. Spark's Hadoop file systems are switched
 * to it for the length of one write.
 */
public final class DiskFullAtCommit extends RawLocalFileSystem {

  private static final String[] KEYS = {
    "fs.file.impl", "fs.file.impl.disable.cache", "fs.AbstractFileSystem.file.impl"
  };

  /** Runs {@code write} with the disk full at its commit, and puts the real disk back after. */
  static void during(SparkSession spark, Runnable write) {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    String[] real = new String[KEYS.length];
    for (int i = 0; i < KEYS.length; i++) {
      real[i] = conf.get(KEYS[i]);
    }
    conf.set(KEYS[0], DiskFullAtCommit.class.getName());
    conf.set(KEYS[1], "true");
    conf.set(KEYS[2], AsFileContext.class.getName());
    try {
      write.run();
    } finally {
      for (int i = 0; i < KEYS.length; i++) {
        if (real[i] == null) {
          conf.unset(KEYS[i]);
        } else {
          conf.set(KEYS[i], real[i]);
        }
      }
    }
  }

  private static void refuseCommit(Path f) throws IOException {
    if (f.toString().contains("/_delta_log/") && f.getName().contains(".json")) {
      throw new IOException("No space left on device");
    }
  }

  @Override
  protected OutputStream createOutputStream(Path f, boolean append) throws IOException {
    refuseCommit(f);
    return super.createOutputStream(f, append);
  }

  @Override
  protected OutputStream createOutputStreamWithMode(Path f, boolean append, FsPermission permission)
      throws IOException {
    refuseCommit(f);
    return super.createOutputStreamWithMode(f, append, permission);
  }

  /** The same disk for Hadoop's FileContext, through which Delta writes its log. */
  public static final class AsFileContext extends DelegateToFileSystem {
    public AsFileContext(URI uri, Configuration conf) throws IOException, URISyntaxException {
      super(uri, new DiskFullAtCommit(), conf, "file", false);
    }

    @Override
    public int getUriDefaultPort() {
      return -1;
    }
  }
}
