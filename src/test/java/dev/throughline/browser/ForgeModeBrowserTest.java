package dev.throughline.browser;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * The main flow of every page again with the page running as Forge Custom UI: the
 * resource the build put in forge-ui/dist, framed by the sandbox's Forge host, its
 * requests sent by invokeRemote through the local Forge platform. Each nested class runs
 * its parent's tests unchanged ({@link SandboxBrowserTest#mode()}). They get an app and
 * sandbox of their own (the property only tells the context apart): both doors write the
 * same issues' properties, so a Connect test must not meet an issue a Forge test scored,
 * whichever runs first.
 */
@TestPropertySource(properties = "throughline.test.pages-mode=forge")
class ForgeModeBrowserTest {

    @Nested
    class IssuePanel extends IssuePanelBrowserTest {

    }

    @Nested
    class Roadmap extends RoadmapBrowserTest {

    }

    @Nested
    class Grooming extends GroomingBrowserTest {

    }

    @Nested
    class ProgramReport extends ProgramReportBrowserTest {

    }

    @Nested
    class Plan extends PlanBrowserTest {

    }

    @Nested
    class Settings extends SettingsBrowserTest {

        @Test
        @Disabled("Jira opens a Forge admin page (jira:adminPage) for Jira administrators only")
        @Override
        void someoneWhoIsNotAnAdministratorSeesWhyThereIsNoForm() {
        }

    }

}
