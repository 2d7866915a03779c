package org.clusterlens.testing;

import org.apache.spark.sql.SparkSession;
import org.clusterlens.warehouse.EngineSpark;

/** The one local SparkSession a test class shares; Spark allows one active session per JVM. */
public final class SharedSpark {

  private SharedSpark() {}

  /** The engine's own session, with two local cores. */
  public static SparkSession session() {
    System.setProperty("spark.master", "local[2]");
    return EngineSpark.session();
  }
}
