package dev.throughline.sandboxsite;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class SandboxSiteSwitchTest {

    @Test
    void sandboxIsOffUnlessSwitchedOn() {
        assertThat(SandboxSiteSwitch.on(new MockEnvironment())).isFalse();
        assertThat(SandboxSiteSwitch.on(new MockEnvironment().withProperty(SandboxSiteSwitch.ENABLED, "true")))
            .isTrue();
    }

    @Test
    void sandboxIsOffUnderProductionEvenWhenSwitchedOn() {
        MockEnvironment production = new MockEnvironment().withProperty(SandboxSiteSwitch.ENABLED, "true");
        production.setActiveProfiles("production");
        assertThat(SandboxSiteSwitch.on(production)).isFalse();
    }

}
