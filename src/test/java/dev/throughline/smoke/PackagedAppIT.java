package dev.throughline.smoke;

import dev.throughline.support.AppUnderTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starts the packaged jar exactly as a deployment would (runtime classpath only, default
 * H2 profile), so a dependency that is present for tests but missing at run time — ACSB's
 * core, say — fails the build.
 */
class PackagedAppIT {

    private static Process app;

    private static int port;

    private static Path workDir;

    @BeforeAll
    static void startPackagedJar() throws Exception {
        Path jar = packagedJar();
        port = freePort();
        workDir = Files.createTempDirectory("throughline-smoke");
        app = new ProcessBuilder(List.of(javaBinary(), "-Xmx256m", "-jar", jar.toString(), "--server.port=" + port))
            .directory(workDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(workDir.resolve("app.log").toFile())
            .start();
        awaitHealthy();
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.destroy();
        }
    }

    @Test
    void healthAnswersUpWithoutAJwt() {
        AppUnderTest.Reply reply = new AppUnderTest(port).get("/health", null);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("status").asText()).isEqualTo("UP");
    }

    @Test
    void descriptorIsServedWithTheLocalBaseUrl() {
        AppUnderTest.Reply reply = new AppUnderTest(port).get("/atlassian-connect.json", null);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("baseUrl").asText()).isEqualTo("http://localhost:" + port);
    }

    @Test
    void connectLifecycleIsActiveAndRefusesAnUnsignedInstall() {
        AppUnderTest.Reply reply = new AppUnderTest(port).post("/installed",
                "{\"key\":\"throughline\",\"clientKey\":\"x\",\"sharedSecret\":\"s\",\"baseUrl\":\"https://x.atlassian.net\","
                        + "\"productType\":\"jira\",\"eventType\":\"installed\"}",
                null);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.json().path("status").asInt()).isEqualTo(401);
    }

    @Test
    void theShippedJarHoldsNoSandboxSite() throws Exception {
        try (JarFile jar = new JarFile(packagedJar().toFile())) {
            assertThat(jar.stream()
                .map(JarEntry::getName)
                .filter(name -> name.contains("sandboxsite") || name.contains("static/sandbox")
                        || name.contains("templates/sandbox") || name.contains("wiremock")
                        || name.contains("selenium")))
                .as("the sandbox site and its test tools live in the test sources only")
                .isEmpty();
        }
        AppUnderTest app = new AppUnderTest(port);
        assertThat(app.get("/", null).status()).as("/ is ACSB's redirect to the descriptor").isEqualTo(302);
        assertThat(app.get("/sandbox/all.js", null).status()).isEqualTo(404);
    }

    @Test
    void hostStoreIsKeptInAFileUnderData() {
        assertThat(workDir.resolve("data/throughline.mv.db")).exists();
    }

    private static void awaitHealthy() throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            if (!app.isAlive()) {
                throw new AssertionError("The packaged app exited: " + Files.readString(workDir.resolve("app.log")));
            }
            try {
                if (new AppUnderTest(port).get("/health", null).status() == 200) {
                    return;
                }
            }
            catch (RuntimeException notYet) {
                // still starting
            }
            Thread.sleep(300);
        }
        throw new AssertionError(
                "The packaged app did not become healthy: " + Files.readString(workDir.resolve("app.log")));
    }

    private static Path packagedJar() throws IOException {
        Path dir = Path.of(System.getProperty("throughline.build.dir", "target"));
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().matches("throughline-.*\\.jar"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No packaged jar in " + dir + "; run mvn verify"));
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

}
