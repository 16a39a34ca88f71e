package dev.throughline.catalog;

import dev.throughline.jira.JiraClient;
import dev.throughline.jira.PropertyTarget;
import dev.throughline.jira.PropertyValue;
import dev.throughline.program.ProgramDefinition;
import dev.throughline.program.ProgramSummary;
import dev.throughline.program.ProgressBasis;
import dev.throughline.program.store.ProgramJiraStore;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one versioned catalog store: shards for every collection, and indexes stored before
 * shards still read.
 */
class CatalogStoreTest {

    /** App properties in memory: the only verbs the store uses. */
    private final Map<String, PropertyValue> appProperties = new TreeMap<>();

    private final JiraClient jira = (JiraClient) Proxy.newProxyInstance(JiraClient.class.getClassLoader(),
            new Class<?>[] { JiraClient.class }, (proxy, method, args) -> {
                assertThat(args[0]).isEqualTo(PropertyTarget.app());
                switch (method.getName()) {
                    case "getProperty":
                        return Optional.ofNullable(appProperties.get((String) args[1]));
                    case "putProperty":
                        appProperties.put((String) args[1], (PropertyValue) args[2]);
                        return null;
                    case "deleteProperty":
                        appProperties.remove((String) args[1]);
                        return null;
                    default:
                        throw new UnsupportedOperationException(method.getName());
                }
            });

    private final ProgramJiraStore programs = new ProgramJiraStore();

    private static ProgramDefinition program(int i) {
        return new ProgramDefinition("p" + i, "Program " + i + " " + "x".repeat(60), List.of("WEB", "MOB"),
                Optional.empty(), ProgressBasis.ISSUE_COUNT, false, false, 12, 1);
    }

    private static ProgramSummary summary(ProgramDefinition program) {
        return new ProgramSummary(program.id(), program.name(), program.projects().size(), program.jql().isPresent(),
                program.progressBasis(), program.includeSubtasks(), program.throughputWeeks(), program.version());
    }

    @Test
    void programsStoredWithAnUnshardedIndexStillReadAndTheNextSaveShardsThem() {
        ProgramDefinition old = program(1);
        // what the previous version wrote: the whole index in one property, no shards
        appProperties.put("throughline.programs.index",
                PropertyValue.ofJson("{\"programs\":[{\"id\":\"p1\",\"name\":\"" + old.name()
                        + "\",\"projectCount\":2,\"refined\":false,\"progressBasis\":\"issue_count\","
                        + "\"includeSubtasks\":false,\"throughputWeeks\":12,\"version\":1}]}"));
        appProperties.put("throughline.program.p1", PropertyValue.ofJson("{\"id\":\"p1\",\"name\":\"" + old.name()
                + "\",\"projects\":[\"WEB\",\"MOB\"],\"jql\":null,\"progressBasis\":\"issue_count\",\"includeSubtasks\":false,"
                + "\"scopeGrowth\":false,\"throughputWeeks\":12,\"version\":1}"));

        assertThat(programs.catalog(jira).programs()).containsExactly(summary(old));
        assertThat(programs.program(jira, "p1")).contains(old);

        ProgramDefinition added = program(2);
        programs.save(jira, added, List.of(summary(old), summary(added)));

        assertThat(appProperties.get("throughline.programs.index")).isEqualTo(PropertyValue.ofMap(Map.of("shards", 1)));
        assertThat(programs.catalog(jira).programs()).containsExactly(summary(old), summary(added));
        assertThat(programs.program(jira, "p2")).contains(added);
    }

    @Test
    void aLargeProgramIndexIsShardedUnderJirasLimitAndShrinksBackOnDelete() {
        List<ProgramSummary> all = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            ProgramDefinition program = program(i);
            all.add(summary(program));
            programs.save(jira, program, List.copyOf(all));
        }

        long shards = appProperties.keySet().stream().filter(k -> k.startsWith("throughline.programs.index.")).count();
        assertThat(shards).isGreaterThan(1);
        appProperties.values()
            .forEach(value -> assertThat(value.json().getBytes(StandardCharsets.UTF_8).length).isLessThan(32_768));
        assertThat(programs.catalog(jira).programs()).containsExactlyInAnyOrderElementsOf(all);

        for (int i = 499; i > 0; i--) {
            all.remove(i);
            programs.delete(jira, "p" + i, List.copyOf(all));
        }
        assertThat(programs.catalog(jira).programs()).containsExactly(summary(program(0)));
        assertThat(appProperties.keySet()).containsExactlyInAnyOrder("throughline.programs.index",
                "throughline.programs.index.0", "throughline.program.p0");
    }

}
