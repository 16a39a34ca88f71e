package dev.throughline.jira;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Records the waits instead of sleeping; {@link #real()} sleeps for real (and records
 * too).
 */
final class RecordingSleeper implements Sleeper {

    private final List<Duration> waits = new CopyOnWriteArrayList<>();

    private final boolean reallySleep;

    private RecordingSleeper(boolean reallySleep) {
        this.reallySleep = reallySleep;
    }

    static RecordingSleeper instant() {
        return new RecordingSleeper(false);
    }

    static RecordingSleeper real() {
        return new RecordingSleeper(true);
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        waits.add(duration);
        if (reallySleep) {
            Thread.sleep(duration.toMillis());
        }
    }

    List<Duration> waits() {
        return List.copyOf(waits);
    }

}
