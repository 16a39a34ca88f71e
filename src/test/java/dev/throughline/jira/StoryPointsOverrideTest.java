package dev.throughline.jira;

import dev.throughline.sandbox.http.JiraSandbox;
import dev.throughline.sandbox.SandboxGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An admin's story points field replaces discovery in the client itself, so every feature
 * follows it.
 */
class StoryPointsOverrideTest {

    private JiraSandbox sandbox;

    private final AtomicReference<Optional<String>> override = new AtomicReference<>(Optional.empty());

    private JiraClient client;

    @BeforeEach
    void start() {
        sandbox = JiraSandbox.start(SandboxGenerator.demo());
        JiraClientSettings settings = new JiraClientSettings(Duration.ofSeconds(2), Duration.ofSeconds(10), 4,
                Duration.ofSeconds(10), Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofSeconds(60),
                Duration.ofMillis(5), Duration.ofSeconds(5));
        RetryInterceptor retry = new RetryInterceptor(settings, wait -> {
        }, () -> 0.5);
        client = new RestJiraClient(JiraRestTemplates.create(JiraRestTemplates.requestFactory(settings),
                sandbox.baseUrl(), List.of(), retry), "throughline", settings, override::get);
    }

    @AfterEach
    void stop() {
        sandbox.stop();
    }

    @Test
    void withoutAnOverrideDiscoveryDecides() {
        assertThat(client.storyPointsFieldId()).contains(sandbox.site().storyPointsFieldId());
        assertThat(client.storyPointsFieldId(1)).contains(sandbox.site().storyPointsFieldId());
    }

    @Test
    void anOverrideBeatsDiscoveryAndTheBoardsEstimationFieldAndTakesEffectAtOnce() {
        assertThat(client.storyPointsFieldId()).contains(sandbox.site().storyPointsFieldId()); // discovery
                                                                                               // cached

        override.set(Optional.of("customfield_10016"));

        assertThat(client.storyPointsFieldId()).contains("customfield_10016");
        assertThat(client.storyPointsFieldId(1)).contains("customfield_10016");
        override.set(Optional.empty());
        assertThat(client.storyPointsFieldId()).contains(sandbox.site().storyPointsFieldId());
    }

    @Test
    void detectionIgnoresTheOverride() {
        override.set(Optional.of("customfield_10016"));

        assertThat(StoryPointsDiscovery.fromFields(client.fields())).contains(sandbox.site().storyPointsFieldId());
    }

}
