package dev.throughline.theme.service;

import dev.throughline.readmodel.IssueFacts;
import dev.throughline.readmodel.IssueFacts.IssueRef;
import dev.throughline.readmodel.IssueFacts.Level;
import dev.throughline.readmodel.IssueFactsStore;
import dev.throughline.readmodel.ParentSet;
import dev.throughline.readmodel.store.ReadModelDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a theme view pays after an epic was newly linked: it looks for its children among
 * the held rows ({@code KeptScopeRows}, the store's {@code forEachChildOf}: through the
 * parent column's index; before it, each row's parent read from its text). 100,000 issues
 * in 20 projects in H2 in memory, an epic every 100th issue, every other issue a child of
 * one; p50 / p95 of 20 scans for one epic's children.
 * {@code mvn -B -ntp -o -q test -Dgroups=benchmark -DexcludedGroups= -Dtest=ChildrenScanBench}.
 */
@Tag("benchmark")
class ChildrenScanBench {

    private static final String SITE = "site";

    @Test
    void oneNewlyLinkedEpicsChildrenAt100000Issues() {
        IssueFactsStore store = ReadModelDatabase.h2Store();
        List<String> projects = new ArrayList<>();
        for (int p = 0; p < 20; p++) {
            projects.add("P" + p);
        }
        List<IssueFacts> all = new ArrayList<>();
        for (long id = 1; id <= 100_000; id++) {
            String project = projects.get((int) ((id - 1) / 5000));
            boolean epic = id % 100 == 0;
            long parent = 100 * ((id * 7919) % 1000 + 1);
            all.add(ThemeWorkTest.issue(id, project + "-" + id, epic ? Level.EPIC : Level.STANDARD,
                    epic ? Optional.empty() : Optional.of(new IssueRef(parent, "P0-" + parent)), List.of()));
        }
        for (int from = 0; from < all.size(); from += 5_000) {
            store.insertNew(SITE, all.subList(from, from + 5_000));
        }
        long[] millis = new long[20];
        int children = 0;
        for (int i = 0; i < millis.length; i++) {
            long epic = 100L * (i * 37 + 1);
            AtomicInteger found = new AtomicInteger();
            long start = System.nanoTime();
            store.forEachChildOf(SITE, projects, new ParentSet(Set.of(epic), Set.of("P0-" + epic)),
                    f -> found.incrementAndGet());
            millis[i] = (System.nanoTime() - start) / 1_000_000;
            children += found.get();
        }
        assertThat(children).as("children found in all scans").isPositive();
        Arrays.sort(millis);
        System.out.printf(
                "one epic's children among 100,000 held rows (%d found in all): p50 %d ms, p95 %d ms, max %d ms%n",
                children, millis[9], millis[18], millis[19]);
    }

}
