package dev.throughline.program.service;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

class KeyClaimsTest {

    private static long[] keys(long from, long to) {
        return LongStream.rangeClosed(from, to).toArray();
    }

    @Test
    void aReaderStopsWhereTheNextReadersClaimBegins() {
        KeyClaims claims = new KeyClaims(2);
        assertThat(claims.claim(1, keys(201, 300))).isEqualTo(100); // reader 1 started at
                                                                    // 201 and got there
                                                                    // first

        assertThat(claims.claim(0, keys(1, 100))).isEqualTo(100);
        assertThat(claims.reachedNext(0)).isFalse();
        assertThat(claims.claim(0, keys(101, 200))).isEqualTo(100);
        assertThat(claims.reachedNext(0)).isTrue(); // 201 is reader 1's: no page to read
    }

    @Test
    void aReaderThatStartsInsideAnotherReadersClaimTakesNothing() {
        KeyClaims claims = new KeyClaims(2);
        assertThat(claims.claim(0, keys(1, 100))).isEqualTo(100);
        assertThat(claims.claim(0, keys(101, 200))).isEqualTo(100); // reader 0 ran past
                                                                    // reader 1's start
                                                                    // (150)

        assertThat(claims.claim(1, keys(150, 249))).isZero();
        assertThat(claims.claimedAny(1)).isFalse();
        assertThat(claims.claim(0, keys(201, 250))).isEqualTo(50); // reader 0 reads on to
                                                                   // the end
    }

    @Test
    void aPageStraddlingTheNextClaimIsTakenUpToItAndGapsInKeysAreCovered() {
        KeyClaims claims = new KeyClaims(3);
        assertThat(claims.claim(2, new long[] { 520, 530, 540 })).isEqualTo(3); // reader
                                                                                // 2's
                                                                                // start
                                                                                // key 501
                                                                                // does
                                                                                // not
                                                                                // exist
        assertThat(claims.claim(1, new long[] { 260, 270, 280 })).isEqualTo(3);

        assertThat(claims.claim(0, new long[] { 1, 2, 250, 258 })).isEqualTo(4);
        assertThat(claims.claim(0, new long[] { 259, 260, 270 })).isEqualTo(1); // stops
                                                                                // at
                                                                                // reader
                                                                                // 1's
                                                                                // first
                                                                                // key
        assertThat(claims.claim(1, new long[] { 290, 515, 520, 530 })).isEqualTo(2);
    }

    @Test
    void everyKeyIsClaimedExactlyOnceWhateverTheInterleaving() {
        SplittableRandom random = new SplittableRandom(7);
        for (int round = 0; round < 200; round++) {
            long[] existing = LongStream.rangeClosed(1, 1000).filter(k -> random.nextInt(4) != 0).toArray();
            long[] starts = { 1, 1 + random.nextInt(1000), 1 + random.nextInt(1000), 1 + random.nextInt(1000) };
            KeyClaims claims = new KeyClaims(starts.length);
            int[] position = new int[starts.length];
            boolean[] stopped = new boolean[starts.length];
            for (int r = 0; r < starts.length; r++) {
                int first = 0;
                while (first < existing.length && existing[first] < starts[r])
                    first++;
                position[r] = first;
            }
            List<Long> folded = new ArrayList<>();
            while (true) {
                List<Integer> running = new ArrayList<>();
                for (int r = 0; r < starts.length; r++)
                    if (!stopped[r])
                        running.add(r);
                if (running.isEmpty())
                    break;
                int r = running.get(random.nextInt(running.size()));
                int end = Math.min(existing.length, position[r] + 1 + random.nextInt(7));
                long[] page = Arrays.copyOfRange(existing, position[r], end);
                int taken = claims.claim(r, page);
                for (int i = 0; i < taken; i++)
                    folded.add(page[i]);
                position[r] = end;
                stopped[r] = taken < page.length || end == existing.length || claims.reachedNext(r);
            }
            assertThat(folded).as("round %d, starts %s", round, Arrays.toString(starts))
                .doesNotHaveDuplicates()
                .hasSize(existing.length);
        }
    }

}
