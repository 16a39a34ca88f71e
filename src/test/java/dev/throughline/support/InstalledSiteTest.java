package dev.throughline.support;

import dev.throughline.forgeplatform.LocalForgePlatform;
import dev.throughline.sandbox.SandboxGenerator;
import dev.throughline.sandbox.SandboxSite;
import dev.throughline.sandbox.http.JiraSandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the full-context tests against a sandbox Jira site: before each test a fresh
 * sandbox is started, seeded with the test's users, groups and grants ({@link #seed}),
 * and installed into the app under a new client key ({@link #connect}); then
 * {@link #afterInstall} runs (e.g. naming planners) and the sandbox's traffic is reset,
 * so a test sees only its own requests. A fresh site per test means no test sees
 * another's writes.
 */
public abstract class InstalledSiteTest extends ConnectedAppTest {

    /** The running sandbox Jira site. */
    protected JiraSandbox jira;

    /** Its in-memory model, to seed and to inspect. */
    protected SandboxSite site;

    /** Signs requests as that installed site. */
    protected JiraTokenSigner connect;

    private LocalForgePlatform forge;

    /**
     * The same sandbox site behind the Forge door: the local Forge platform with the app
     * installed on it (a site of its own to the app, with its own app properties),
     * installed on first use.
     */
    protected LocalForgePlatform forge() {
        if (forge == null) {
            forge = new LocalForgePlatform(jira, port);
            AppUnderTest.Reply installed = forge.install();
            assertThat(installed.status()).as(installed.body()).isEqualTo(204);
        }
        return forge;
    }

    /**
     * The sandbox to run: Acme's demo site unless a test needs another (a bigger site,
     * latency).
     */
    protected JiraSandbox startSandbox() {
        return JiraSandbox.start(SandboxGenerator.demo());
    }

    /** Adds the test's users, groups and grants before the site is installed. */
    protected void seed(SandboxSite site) {
    }

    /**
     * Runs once the site is installed and before the traffic is reset, e.g. to name
     * planners.
     */
    protected void afterInstall() {
    }

    @BeforeEach
    final void installSandboxSite() {
        jira = startSandbox();
        site = jira.site();
        seed(site);
        connect = new JiraTokenSigner(getClass().getSimpleName().toLowerCase(Locale.ROOT) + "-" + UUID.randomUUID(),
                jira.baseUrl());
        install(connect);
        afterInstall();
        jira.resetTraffic();
    }

    @AfterEach
    final void stopSandboxSite() {
        if (jira != null) {
            jira.stop();
        }
    }

}
