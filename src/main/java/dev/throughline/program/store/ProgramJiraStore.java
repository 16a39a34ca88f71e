package dev.throughline.program.store;

import dev.throughline.jira.JiraClient;
import dev.throughline.jira.PropertyTarget;
import dev.throughline.jira.PropertyValue;
import dev.throughline.program.ProgramCatalog;
import dev.throughline.program.ProgramCodec;
import dev.throughline.program.ProgramDefinition;
import dev.throughline.program.ProgramSummary;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Programs in Jira app properties: {@code throughline.program.<id>} holds each program in full (500 project keys
 * of 20 characters and 2,000 characters of JQL stay under 15 KB), and {@code throughline.programs.index} lists
 * every program without its project keys and JQL (at most {@value ProgramCatalog#MAX_PROGRAMS}, about 20 KB at
 * most). A save writes the program first, then the index; a delete the index first, then the program.
 */
@Component
public class ProgramJiraStore {

    static final String INDEX = "throughline.programs.index";
    static final String PROGRAM_PREFIX = "throughline.program.";

    public ProgramCatalog catalog(JiraClient jira) {
        List<ProgramSummary> programs = new ArrayList<>();
        jira.getProperty(PropertyTarget.app(), INDEX).ifPresent(value -> {
            Object entries = value.asMap().get("programs");
            if (entries instanceof List<?> list) {
                for (Object entry : list) {
                    @SuppressWarnings("unchecked")
                    Map<String, ?> map = (Map<String, ?>) entry;
                    programs.add(ProgramCodec.summaryFromMap(map));
                }
            }
        });
        return new ProgramCatalog(programs);
    }

    public Optional<ProgramDefinition> program(JiraClient jira, String id) {
        return jira.getProperty(PropertyTarget.app(), PROGRAM_PREFIX + id).map(value -> ProgramCodec.fromMap(value.asMap()));
    }

    /** Stores {@code saved} (new or changed), then the index of {@code all} programs after the save. */
    public void save(JiraClient jira, ProgramDefinition saved, List<ProgramSummary> all) {
        jira.putProperty(PropertyTarget.app(), PROGRAM_PREFIX + saved.id(), programValue(saved));
        jira.putProperty(PropertyTarget.app(), INDEX, indexValue(all));
    }

    public void delete(JiraClient jira, String id, List<ProgramSummary> remaining) {
        jira.putProperty(PropertyTarget.app(), INDEX, indexValue(remaining));
        jira.deleteProperty(PropertyTarget.app(), PROGRAM_PREFIX + id);
    }

    static PropertyValue programValue(ProgramDefinition program) {
        return PropertyValue.ofMap(ProgramCodec.toMap(program));
    }

    static PropertyValue indexValue(List<ProgramSummary> programs) {
        return PropertyValue.ofMap(Map.of("programs", programs.stream().map(ProgramCodec::toIndexMap).toList()));
    }
}
