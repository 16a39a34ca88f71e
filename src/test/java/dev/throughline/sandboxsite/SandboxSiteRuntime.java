package dev.throughline.sandboxsite;

import com.atlassian.connect.spring.AtlassianHostRepository;
import com.atlassian.connect.spring.internal.AtlassianConnectProperties;
import dev.throughline.forgeplatform.LocalForgePlatform;
import dev.throughline.sandbox.PropertyStore;
import dev.throughline.sandbox.http.JiraSandbox;
import dev.throughline.sandbox.SandboxGenerator;
import dev.throughline.sandbox.SandboxSite;
import dev.throughline.support.AppUnderTest;
import dev.throughline.support.JiraTokenSigner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The running sandbox: a simulated Jira site (Acme: 3 projects, a board each, epics,
 * cross-project links, six months of history ending today) served over HTTP, the key
 * service its signed install is checked against, and the app's installation into it.
 * Installing goes through the real {@code /installed} handshake, then the demo data the
 * app owns (scores, themes, a program) is created through the app's own API, as a user
 * would.
 */
public final class SandboxSiteRuntime implements AutoCloseable {

    public static final String CLIENT_KEY = "throughline-sandbox-acme";

    /** A read-only user: may browse WEB and MOB, not PLAT, and edit nothing. */
    public static final String VIEWER = "5b10a2844c20165700ede21g";

    /**
     * A planner who is no Jira administrator: in the group the demo settings name, may
     * browse and edit everything.
     */
    public static final String PLANNER = "557058:f58131cb-b67d-43c7-b30d-6b58d40bd077";

    /** The Jira group the demo's Throughline settings name as planners. */
    public static final String PLANNER_GROUP = "product-planners";

    private static final Logger log = LoggerFactory.getLogger(SandboxSiteRuntime.class);

    private final AtlassianConnectProperties connectProperties;

    private final AtlassianHostRepository hosts;

    private final String appBaseUrl;

    private final String addonKey;

    private final JiraSandbox jira;

    private final SandboxKeyServer keys;

    private final JiraTokenSigner site;

    private volatile int appPort;

    private volatile SandboxSeeder.Seeded seeded;

    private volatile LocalForgePlatform forge;

    SandboxSiteRuntime(AtlassianConnectProperties connectProperties, AtlassianHostRepository hosts, String appBaseUrl,
            String addonKey, int issues) {
        this.connectProperties = connectProperties;
        this.hosts = hosts;
        this.appBaseUrl = appBaseUrl;
        this.addonKey = addonKey;
        Instant today = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofHours(12));
        SandboxSite generated = SandboxGenerator.generate(42, 3, issues, today);
        for (String project : List.of("WEB", "MOB")) {
            generated.grant(VIEWER, project, "BROWSE_PROJECTS");
        }
        for (String project : List.of("WEB", "MOB", "PLAT")) {
            generated.grant(PLANNER, project, "BROWSE_PROJECTS").grant(PLANNER, project, "EDIT_ISSUES");
        }
        generated.addToGroup(PLANNER, PLANNER_GROUP);
        this.jira = JiraSandbox.start(generated);
        this.keys = new SandboxKeyServer(connectProperties.getPublicKeyBaseUrl());
        this.site = new JiraTokenSigner(CLIENT_KEY, jira.baseUrl());
    }

    /**
     * Installs the app (listening on {@code port}) into the sandbox site and creates the
     * demo data.
     */
    void installInto(int port) {
        this.appPort = port;
        connectProperties.setPublicKeyBaseUrl(keys.baseUrl());
        AppUnderTest app = new AppUnderTest(port);
        String token = site.signedLifecycleToken(keys.key(), SandboxKeyServer.KID, appBaseUrl, "/installed");
        AppUnderTest.Reply reply = app.post("/installed", site.lifecycleBody("installed"), token);
        if (reply.status() / 100 != 2) {
            throw new IllegalStateException(
                    "The sandbox site could not install the app: " + reply.status() + " " + reply.body());
        }
        awaitInstalled();
        seeded = new SandboxSeeder(app, site, jira.site()).seed();
        forge = installForge(port);
        log.info("Sandbox Jira site ready: open http://localhost:{}/ (Jira API simulated at {})", port, jira.baseUrl());
    }

    private void awaitInstalled() {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (hosts.findById(CLIENT_KEY).filter(h -> h.isAddonInstalled()).isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The sandbox install was accepted but never stored");
            }
            try {
                Thread.sleep(50);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * Installs the Forge app on the same sandbox site through the local Forge platform,
     * so every page opens in Forge mode too. The Forge installation is a site of its own
     * to the app; it starts with a copy of the Connect install's app properties (themes,
     * programs, settings, scorecards), so both modes show the same demo.
     */
    private LocalForgePlatform installForge(int port) {
        LocalForgePlatform platform = new LocalForgePlatform(jira, port);
        AppUnderTest.Reply reply = platform.install();
        if (reply.status() / 100 != 2) {
            throw new IllegalStateException(
                    "The sandbox site could not install the Forge app: " + reply.status() + " " + reply.body());
        }
        PropertyStore properties = jira.site().appProperties();
        for (String key : properties.keys(addonKey)) {
            properties.get(addonKey, key).ifPresent(value -> properties.put(JiraSandbox.FORGE_APP_OWNER, key, value));
        }
        return platform;
    }

    /** The local Forge platform of the sandbox site; null until the app is installed. */
    public LocalForgePlatform forge() {
        return forge;
    }

    public boolean ready() {
        return seeded != null;
    }

    public SandboxSeeder.Seeded seeded() {
        return seeded;
    }

    public JiraSandbox jira() {
        return jira;
    }

    public SandboxSite data() {
        return jira.site();
    }

    public JiraTokenSigner site() {
        return site;
    }

    public String addonKey() {
        return addonKey;
    }

    public int appPort() {
        return appPort;
    }

    @Override
    public void close() {
        jira.close();
        keys.close();
    }

}
