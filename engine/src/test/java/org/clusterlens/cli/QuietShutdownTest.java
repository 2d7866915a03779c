package org.clusterlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.message.SimpleMessage;
import org.junit.jupiter.api.Test;

/**
 * A run that succeeded says nothing alarming as it ends: Spark's executor heartbeat firing after
 * its session has gone is not shown, and every other error from the same Spark logger still is.
 */
class QuietShutdownTest {

  private static boolean shown(String message) {
    LoggerContext context = (LoggerContext) LogManager.getContext(false);
    String name = "org.apache.spark.util.Utils";
    LoggerConfig config = context.getConfiguration().getLoggerConfig(name);
    LogEvent event =
        Log4jLogEvent.newBuilder()
            .setLoggerName(name)
            .setLevel(Level.ERROR)
            .setMessage(new SimpleMessage(message))
            .setThrown(new NullPointerException())
            .build();
    return config.getLevel().isLessSpecificThan(Level.ERROR) && !config.isFiltered(event);
  }

  @Test
  void theHeartbeatAfterShutdownIsNotShownButOtherSparkErrorsAre() {
    assertThat(shown("Uncaught exception in thread executor-heartbeater")).isFalse();
    assertThat(shown("Uncaught exception in thread task-result-getter-0")).isTrue();
  }
}
