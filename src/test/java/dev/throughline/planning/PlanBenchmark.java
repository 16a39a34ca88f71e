package dev.throughline.planning;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The planning targets: 500 candidates, 20 teams, 8 quarters, solved in a JVM of its own
 * with {@code -Xmx512m} on this machine's cores; prints solve time, value, the proven
 * bound and the gap. Out of {@code mvn verify}; run with
 * {@code mvn -q test -Dgroups=benchmark -DexcludedGroups= -Dtest=PlanBenchmark}. Knobs:
 * throughline.bench.plan.seeds (1,2,3), .xmx (512m), .limitMillis (4500, the solver's
 * time limit).
 */
@Tag("benchmark")
class PlanBenchmark {

    @Test
    void fiveHundredCandidatesTwentyTeamsEightQuarters() throws IOException, InterruptedException {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String xmx = System.getProperty("throughline.bench.plan.xmx", "512m");
        String seeds = System.getProperty("throughline.bench.plan.seeds", "1,2,3");
        String limitMillis = System.getProperty("throughline.bench.plan.limitMillis", "4500");
        Process process = new ProcessBuilder(javaBin, "-Xmx" + xmx, "-cp", classpath,
                PlanBenchmarkRunner.class.getName(), seeds, limitMillis)
            .redirectErrorStream(true)
            .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        System.out.println(output);
        assertThat(exit).as(output).isZero();
    }

}
