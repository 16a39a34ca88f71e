package dev.throughline.forgeui;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Custom UI resources in forge-ui/dist (built by {@code npm run build} in the Maven
 * build): reproducible, and runnable under Forge's content security policy.
 */
class CustomUiBuildTest {

    private static final Path UI = Path.of("forge-ui").toAbsolutePath();

    private static final Path DIST = UI.resolve("dist");

    @Test
    void theSameInputBuildsTheSameBytes() throws Exception {
        Map<String, String> first = digests();
        build();
        Map<String, String> second = digests();

        assertThat(first).isNotEmpty();
        assertThat(second).isEqualTo(first);
    }

    @Test
    void everyPageLoadsOnlyItsOwnFilesThroughTheForgeBridge() throws IOException {
        try (Stream<Path> files = Files.walk(DIST)) {
            for (Path page : files.filter(file -> file.getFileName().toString().equals("index.html")).toList()) {
                String html = Files.readString(page, StandardCharsets.UTF_8);
                assertThat(html).as(page.toString())
                    .contains("<script src=\"forge-bridge.js\"></script>")
                    .doesNotContain("all.js")
                    .doesNotContain("/webjars/")
                    .doesNotContainPattern("(src|href)=\"(https?:)?//")
                    .doesNotContainPattern("\\sth:");
                assertThat(html).as(page + ": every file it names is in the resource")
                    .satisfies(text -> assertLocalFilesExist(page.getParent(), text));
            }
        }
        assertThat(DIST.resolve("project-pages/grooming/vendor/Sortable.min.js")).exists();
        assertThat(DIST.resolve("global-pages/programs/vendor/chart.umd.js")).exists();
    }

    private static void assertLocalFilesExist(Path folder, String html) {
        Matcher names = Pattern.compile("(?:src|href|data-src)=\"([^\"]+)\"").matcher(html);
        while (names.find()) {
            assertThat(folder.resolve(names.group(1))).as(names.group(1)).exists();
        }
    }

    private static void build() throws IOException, InterruptedException {
        Process node = new ProcessBuilder("node", "scripts/build.mjs").directory(UI.toFile())
            .redirectErrorStream(true)
            .start();
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(node.waitFor(120, TimeUnit.SECONDS)).as("the build finished").isTrue();
        assertThat(node.exitValue()).as(output).isZero();
    }

    private static Map<String, String> digests() throws IOException, NoSuchAlgorithmException {
        Map<String, String> digests = new TreeMap<>();
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        try (Stream<Path> files = Files.walk(DIST)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                digests.put(DIST.relativize(file).toString(),
                        HexFormat.of().formatHex(sha256.digest(Files.readAllBytes(file))));
            }
        }
        return digests;
    }

}
