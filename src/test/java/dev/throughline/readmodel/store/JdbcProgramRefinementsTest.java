package dev.throughline.readmodel.store;

import dev.throughline.readmodel.ProgramRefinements;
import dev.throughline.readmodel.ProgramRefinements.EventMarks;
import dev.throughline.readmodel.ProgramRefinements.Refinement;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A refined program's ids changed by issue events, and the events' marks, on H2 and on
 * PostgreSQL: an id joins or leaves, each mark keeps its latest time, and a full re-read
 * or a refresh of the ids keeps the marks.
 */
class JdbcProgramRefinementsTest {

    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        postgres.close();
    }

    private static ProgramRefinements store(String database) throws Exception {
        if (database.equals("h2")) {
            return ReadModelDatabase.h2Refinements();
        }
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE refinements");
        }
        return ReadModelDatabase.refinements(postgres.getDatabase("postgres", "refinements"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "h2", "postgres" })
    void eventsMoveIdsAndLeaveTheirLatestMarks(String database) throws Exception {
        ProgramRefinements store = store(database);
        Instant t0 = Instant.parse("2026-11-30T10:00:00Z");
        Refinement refinement = new Refinement("p1", List.of("WEB", "APP"), "status != Done", t0);
        store.replace("site", refinement, List.of(1L, 2L));
        assertThat(store.marks("site", "p1")).isEqualTo(EventMarks.NONE);

        store.decided("site", "p1", 3L, true, t0.plusSeconds(20));
        store.decided("site", "p1", 1L, false, t0.plusSeconds(10));
        store.decided("site", "p1", 3L, true, t0.plusSeconds(5)); // late and again: the
                                                                  // same
        store.undecided("site", "p1", t0.plusSeconds(30));
        store.undecided("site", "p1", t0.plusSeconds(15));
        store.decided("site", "other", 9L, true, t0); // not held: nothing

        assertThat(store.ids("site", "p1")).isEqualTo(Set.of(2L, 3L));
        assertThat(store.marks("site", "p1"))
            .isEqualTo(new EventMarks(Optional.of(t0.plusSeconds(20)), Optional.of(t0.plusSeconds(30))));
        assertThat(store.marks("site", "other")).isEqualTo(EventMarks.NONE);
        assertThat(store.ids("site", "other")).isEmpty();

        store.update("site", "p1", List.of(2L), List.of(4L), t0.plusSeconds(40));
        store.replace("site", new Refinement("p1", List.of("WEB"), "status != Done", t0.plusSeconds(50)), List.of(5L));

        assertThat(store.ids("site", "p1")).isEqualTo(Set.of(5L));
        assertThat(store.refinement("site", "p1").orElseThrow().projects()).isEqualTo(List.of("WEB"));
        assertThat(store.marks("site", "p1")).as("kept: an event during a read still counts")
            .isEqualTo(new EventMarks(Optional.of(t0.plusSeconds(20)), Optional.of(t0.plusSeconds(30))));
        store.forget("site", "p1");
        assertThat(store.marks("site", "p1")).isEqualTo(EventMarks.NONE);
    }

}
