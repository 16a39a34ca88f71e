package dev.throughline.program.service;

import dev.throughline.jira.JiraClients;
import dev.throughline.readmodel.IssueFactsStore;
import dev.throughline.readmodel.service.IssueSync;
import dev.throughline.readmodel.store.ReadModelDatabase;
import dev.throughline.theme.service.KeptCatalogs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/** Where {@link ProgramRollupBenchmarkRunner}'s service keeps its read model. */
final class BenchReadModel {

    private BenchReadModel() {
    }

    /**
     * {@code -Dthroughline.bench.readModel=h2file}: the read model in an H2 database on
     * disk (its rows outside the heap, as PostgreSQL's are in production; H2's page cache
     * is in it); otherwise the service's own in-memory read model.
     */
    static Optional<IssueSync> of(Clock clock) throws Exception {
        if (!"h2file".equals(System.getProperty("throughline.bench.readModel", ""))) {
            return Optional.empty();
        }
        Path dir = Files.createTempDirectory(Path.of("target"), "readmodel-bench");
        IssueFactsStore store = ReadModelDatabase.h2Store("file:" + dir.toAbsolutePath().resolve("facts"));
        return Optional.of(new IssueSync(store, clock, Duration.ofMinutes(5)));
    }

    static ProgramRollupService service(JiraClients clients, ProgramService programs, Clock clock, int concurrency,
            Optional<IssueSync> readModel) {
        return readModel
            .map(sync -> new ProgramRollupService(clients, programs, KeptCatalogs.of(clock), clock, concurrency,
                    Duration.ofMinutes(10), Duration.ofSeconds(2), sync))
            .orElseGet(() -> new ProgramRollupService(clients, programs, KeptCatalogs.of(clock), clock, concurrency,
                    Duration.ofMinutes(10)));
    }

}
