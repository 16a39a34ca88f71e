package dev.throughline.jira;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application context provides JiraClients with the settings from
 * application.properties.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK,
        properties = { "spring.datasource.url=jdbc:h2:mem:jira-client-context;DB_CLOSE_DELAY=-1",
                "throughline.jira.permission-cache-ttl=42s" })
class JiraClientsContextTest {

    @Autowired
    JiraClients clients;

    @Autowired
    JiraClientSettings settings;

    @Test
    void jiraClientsAreWiredWithBoundSettings() {
        assertThat(clients).isNotNull();
        assertThat(settings.permissionCacheTtl()).isEqualTo(Duration.ofSeconds(42));
        assertThat(settings.readTimeout()).isEqualTo(Duration.ofSeconds(30));
    }

}
