package dev.throughline.jira;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JiraClientSettingsTest {

    @Test
    void applicationPropertiesBindToTheSettings() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/application.properties")) {
            properties.load(in);
        }

        JiraClientSettings settings = new Binder(new MapConfigurationPropertySource(properties))
            .bind("throughline.jira", JiraClientSettings.class)
            .get();

        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.readTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.maxAttempts()).isEqualTo(4);
        assertThat(settings.maxTotalWait()).isEqualTo(Duration.ofSeconds(60));
        assertThat(settings.initialBackoff()).isEqualTo(Duration.ofMillis(500));
        assertThat(settings.maxBackoff()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.permissionCacheTtl()).isEqualTo(Duration.ofSeconds(60));
        assertThat(settings.taskPollInterval()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void unsetValuesTakeDefaults() {
        assertThat(JiraClientSettings.defaults().permissionCacheTtl()).isEqualTo(Duration.ofSeconds(60));
        assertThat(JiraClientSettings.defaults().maxAttempts()).isEqualTo(4);
    }

    @Test
    void nonsenseIsRefused() {
        assertThatThrownBy(() -> new JiraClientSettings(Duration.ZERO, null, 0, null, null, null, null, null, null))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new JiraClientSettings(null, null, -1, null, null, null, null, null, null))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new JiraClientSettings(null, null, 0, null, Duration.ofSeconds(5),
                Duration.ofSeconds(1), null, null, null))
            .isInstanceOf(IllegalArgumentException.class);
    }

}
