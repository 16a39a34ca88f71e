package dev.throughline.planning;

import com.sun.management.OperatingSystemMXBean;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.SplittableRandom;

/**
 * Builds a seeded instance of 500 candidates (25 per team, 3–40 points each, values
 * 1–100, one in ten blocked by another team's work, one in twenty committed to quarter
 * 5–8) for 20 teams with 40–80 points a quarter, about 1.5 times more work than capacity,
 * and solves it as the app does (5 s limit, 2 workers, stop within 0.5 %).
 */
public final class PlanBenchmarkRunner {

    static final int CANDIDATES = 500;

    static final int TEAMS = 20;

    static final int QUARTERS = 8;

    private PlanBenchmarkRunner() {
    }

    public static void main(String[] args) {
        long limitMillis = Long.parseLong(args.length > 1 ? args[1] : "4500");
        PlanSolver solver = new PlanSolver(Duration.ofMillis(limitMillis), 2, 0.005);
        // warm-up: loads the native library and JIT-compiles the model building
        solver.solve(instance(new SplittableRandom(99)));
        System.out
            .println("| seed | solve time | CPU time | value | proven bound | gap | planned | status | heap used |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|---|---:|");
        for (String seed : args[0].split(",")) {
            PlanProblem problem = instance(new SplittableRandom(Long.parseLong(seed.strip())));
            long started = System.nanoTime();
            long cpuStarted = processCpuNanos();
            PlanSolution solution = solver.solve(problem);
            double seconds = (System.nanoTime() - started) / 1e9;
            double cpuSeconds = (processCpuNanos() - cpuStarted) / 1e9;
            Runtime runtime = Runtime.getRuntime();
            long usedMb = (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024);
            System.out.printf(Locale.ROOT,
                    "| %s | %.2f s | %.2f s | %.1f | %.1f | %.3f %% | %d / %d | %s | %d MB (max %d MB) |%n",
                    seed.strip(), seconds, cpuSeconds, solution.value(), solution.bound(), solution.gap() * 100,
                    solution.periodOf().size(), CANDIDATES, solution.status(), usedMb,
                    runtime.maxMemory() / (1024 * 1024));
            if (!solution.commitmentProblems().isEmpty()) {
                System.out.println("commitment problems: " + solution.commitmentProblems().size());
            }
        }
        System.out.printf("%d cores, load average %.1f, solver limit %d ms, Java %s%n",
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), limitMillis,
                System.getProperty("java.version"));
    }

    /** CPU time of this process (all threads, the solver's native ones included). */
    private static long processCpuNanos() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    static PlanProblem instance(SplittableRandom random) {
        List<String> periods = new ArrayList<>();
        for (int q = 0; q < QUARTERS; q++) {
            periods.add((2027 + q / 4) + "-Q" + (q % 4 + 1));
        }
        List<PlanTeam> teams = new ArrayList<>();
        for (int t = 0; t < TEAMS; t++) {
            List<Double> capacity = new ArrayList<>();
            for (int q = 0; q < QUARTERS; q++) {
                capacity.add((double) (40 + random.nextInt(41)));
            }
            teams.add(new PlanTeam("T" + t, "Team " + t, capacity));
        }
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < CANDIDATES; i++) {
            int team = i % TEAMS;
            Candidate candidate = Candidate.of("E" + i, "T" + team, 1 + random.nextInt(100), 3 + random.nextInt(38));
            if (i >= TEAMS && random.nextInt(10) == 0) {
                candidate = candidate.withBlockers(List.of("E" + random.nextInt(i)));
            }
            if (random.nextInt(20) == 0) {
                candidate = candidate.withCommitBy(OptionalInt.of(4 + random.nextInt(4)));
            }
            candidates.add(candidate);
        }
        return new PlanProblem(periods, teams, candidates, PlanProblem.DEFAULT_DISCOUNT);
    }

}
