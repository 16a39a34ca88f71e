package dev.throughline.program.store;

import dev.throughline.catalog.CatalogFormat;
import dev.throughline.catalog.CatalogStore;
import dev.throughline.jira.JiraClient;
import dev.throughline.program.ProgramCatalog;
import dev.throughline.program.ProgramCodec;
import dev.throughline.program.ProgramDefinition;
import dev.throughline.program.ProgramSummary;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * Programs in Jira app properties, through the one {@link CatalogStore}:
 * {@code throughline.program.<id>} holds each program in full (500 project keys of 20
 * characters and 2,000 characters of JQL stay under 15 KB), and the index
 * ({@code throughline.programs.index} naming its shards
 * {@code throughline.programs.index.<n>}) lists every program without its project keys
 * and JQL. An index stored unsharded by an older version still reads.
 */
@Component
public class ProgramJiraStore {

    /** A program in full in its own property; in the index, its summary. */
    private static final CatalogStore<ProgramDefinition, ProgramSummary> STORE = new CatalogStore<>(new CatalogFormat<>(
            "throughline.programs.index", "throughline.program.", "programs", ProgramDefinition::id,
            ProgramCodec::toMap, ProgramCodec::fromMap, ProgramCodec::toIndexMap, ProgramCodec::summaryFromMap));

    public ProgramCatalog catalog(JiraClient jira) {
        return new ProgramCatalog(STORE.entries(jira));
    }

    public Optional<ProgramDefinition> program(JiraClient jira, String id) {
        return STORE.item(jira, id);
    }

    /**
     * Stores {@code saved} (new or changed), then the index of {@code all} programs after
     * the save.
     */
    public void save(JiraClient jira, ProgramDefinition saved, List<ProgramSummary> all) {
        STORE.save(jira, List.of(saved), all);
    }

    public void delete(JiraClient jira, String id, List<ProgramSummary> remaining) {
        STORE.delete(jira, id, remaining);
    }

}
