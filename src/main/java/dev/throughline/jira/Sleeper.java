package dev.throughline.jira;

import java.time.Duration;

/**
 * Waiting between retries and task polls; tests substitute one that records instead of
 * sleeping.
 */
interface Sleeper {

    Sleeper REAL = duration -> Thread.sleep(duration.toMillis());

    void sleep(Duration duration) throws InterruptedException;

}
