package dev.throughline.support;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * The INFO (and higher) lines a logger writes while a test runs; {@link #close} restores
 * the logger as it was.
 */
public final class LoggedLines implements AutoCloseable {

    private final Logger logger;

    private final Level before;

    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    private LoggedLines(String loggerName) {
        this.logger = (Logger) LoggerFactory.getLogger(loggerName);
        this.before = logger.getLevel();
        appender.start();
        logger.setLevel(Level.INFO);
        logger.addAppender(appender);
    }

    public static LoggedLines of(String loggerName) {
        return new LoggedLines(loggerName);
    }

    /** The formatted messages logged at exactly INFO, in order. */
    public List<String> info() {
        return appender.list.stream()
            .filter(e -> e.getLevel() == Level.INFO)
            .map(ILoggingEvent::getFormattedMessage)
            .toList();
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        logger.setLevel(before);
    }

}
