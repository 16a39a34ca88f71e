package dev.throughline.coordination;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class FeedCursorTest {

    private static final long SECOND = Duration.ofSeconds(1).toNanos();

    @Test
    void theFloorMovesOverRowsTakenInOrder() {
        FeedCursor cursor = new FeedCursor(Duration.ofSeconds(2));
        cursor.startAfter(10);

        assertThat(cursor.take(11)).isTrue();
        assertThat(cursor.take(12)).isTrue();
        cursor.advance(0);

        assertThat(cursor.floor()).isEqualTo(12);
    }

    @Test
    void aRowCommittedLateAfterALaterOneIsStillHandedOutAndEveryRowOnlyOnce() {
        FeedCursor cursor = new FeedCursor(Duration.ofSeconds(2));
        cursor.startAfter(10);
        cursor.take(12); // 11 not visible yet
        cursor.advance(0);
        assertThat(cursor.floor()).isEqualTo(10);

        assertThat(cursor.take(12)).as("re-read, already handed out").isFalse();
        assertThat(cursor.take(11)).as("arrived late").isTrue();
        cursor.advance(SECOND);

        assertThat(cursor.floor()).isEqualTo(12);
    }

    @Test
    void aHoleThatNeverFillsIsSkippedAfterTheGapWait() {
        FeedCursor cursor = new FeedCursor(Duration.ofSeconds(2));
        cursor.startAfter(10);
        cursor.take(12);
        cursor.advance(0);
        cursor.advance(SECOND);
        assertThat(cursor.floor()).isEqualTo(10);

        cursor.advance(3 * SECOND);

        assertThat(cursor.floor()).isEqualTo(12);
    }

}
