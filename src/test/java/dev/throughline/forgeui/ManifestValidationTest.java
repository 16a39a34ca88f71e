package dev.throughline.forgeui;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code manifest.yml} passes the validator {@code forge lint} uses
 * ({@code @forge/manifest}'s {@code validate()}, run offline by
 * {@code forge-ui/scripts/validate-manifest.mjs}), and a broken copy is shown to fail
 * with the problem named. The Maven build has run {@code npm ci} and built
 * {@code forge-ui/dist} before tests.
 */
class ManifestValidationTest {

    private static final Path REPO = Path.of("").toAbsolutePath();

    private static final Path MANIFEST = REPO.resolve("manifest.yml");

    @TempDir
    Path broken;

    @Test
    void theManifestIsValid() throws Exception {
        Validation result = validate(MANIFEST);

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("manifest valid").doesNotContain("error ");
    }

    /**
     * Each broken copy changes one line of the real manifest; the validator names the
     * problem and fails.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a missing resource folder | path: forge-ui/dist/settings | path: forge-ui/dist/no-such-page \
            | missing resource 'forge-ui/dist/no-such-page'
            an unknown scope | - read:jira-user | - read:jira-everything \
            | Invalid 'scopes' permission in the manifest.yml file - 'read:jira-everything'
            a module naming a missing endpoint | endpoint: throughline-uninstalled | endpoint: throughline-nowhere \
            | trigger references undefined endpoint module with key 'throughline-nowhere'
            a module naming a missing resource | resource: issue-value | resource: no-such-resource \
            | no-such-resource
            """)
    void aBrokenCopyIsReported(String what, String from, String to, String reported) throws Exception {
        Validation result = validateChanged(from, to);

        assertThat(result.exitCode()).as(result.output()).isEqualTo(1);
        assertThat(result.output()).contains("error ").contains(reported).contains("manifest invalid");
    }

    /**
     * A copy of the manifest with one change, in a folder of its own where
     * {@code forge-ui} links to the real one, so resource paths resolve as they do beside
     * the real manifest.
     */
    private Validation validateChanged(String from, String to) throws Exception {
        String manifest = Files.readString(MANIFEST, StandardCharsets.UTF_8);
        assertThat(manifest).contains(from);
        Files.createSymbolicLink(broken.resolve("forge-ui"), REPO.resolve("forge-ui"));
        Path copy = broken.resolve("manifest.yml");
        Files.writeString(copy, manifest.replace(from, to), StandardCharsets.UTF_8);
        return validate(copy);
    }

    private static Validation validate(Path manifest) throws IOException, InterruptedException {
        Process node = new ProcessBuilder("node", "scripts/validate-manifest.mjs", manifest.toString())
            .directory(REPO.resolve("forge-ui").toFile())
            .redirectErrorStream(true)
            .start();
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(node.waitFor(60, TimeUnit.SECONDS)).as("node finished").isTrue();
        return new Validation(node.exitValue(), output);
    }

    private record Validation(int exitCode, String output) {
    }

}
