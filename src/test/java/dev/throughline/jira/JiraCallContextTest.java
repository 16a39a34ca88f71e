package dev.throughline.jira;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;

import static org.assertj.core.api.Assertions.assertThat;

class JiraCallContextTest {

    @Test
    void withoutAContextCallsAreBackgroundAndContextsNest() {
        assertThat(JiraCallContext.current().feature()).isEqualTo(CallFeature.BACKGROUND);
        assertThat(JiraCallContext.current().userWaiting()).isFalse();
        try (JiraCallContext user = JiraCallContext.user(CallFeature.GROOMING)) {
            try (JiraCallContext refresh = JiraCallContext.background(CallFeature.PROGRAM)) {
                assertThat(JiraCallContext.current().feature()).isEqualTo(CallFeature.PROGRAM);
                assertThat(JiraCallContext.current().userWaiting()).isFalse();
            }
            assertThat(JiraCallContext.current().feature()).isEqualTo(CallFeature.GROOMING);
            assertThat(JiraCallContext.current().userWaiting()).isTrue();
        }
        assertThat(JiraCallContext.current().feature()).isEqualTo(CallFeature.BACKGROUND);
    }

    @Test
    void aCarriedTaskRunsInItsCallersContextOnAnotherThread() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (JiraCallContext user = JiraCallContext.user(CallFeature.THEME)) {
            CompletableFuture<CallFeature> seen = new CompletableFuture<>();
            pool.execute(JiraCallContext.carry(() -> seen.complete(JiraCallContext.current().feature())));
            assertThat(seen.get()).isEqualTo(CallFeature.THEME);
        }
        CompletableFuture<Boolean> after = new CompletableFuture<>();
        pool.execute(() -> after.complete(JiraCallContext.current().userWaiting()));
        assertThat(after.get()).isFalse(); // the pool thread keeps nothing
        pool.shutdown();
    }

}
