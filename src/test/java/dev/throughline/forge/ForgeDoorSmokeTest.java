package dev.throughline.forge;

import dev.throughline.support.AppUnderTest;
import dev.throughline.support.InstalledSiteTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ForgeDoorSmokeTest extends InstalledSiteTest {

    @Test
    void readsThroughTheForgeDoor() {
        AppUnderTest.Reply reply = forge().invoke("admin", "GET", "/api/scoring/models", null);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        AppUnderTest.Reply themes = forge().invoke("admin", "GET", "/api/themes", null);
        assertThat(themes.status()).as(themes.body()).isEqualTo(200);
        System.out.println(jira.recentRequests());
    }

}
