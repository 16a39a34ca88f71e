package dev.throughline.readmodel.service;

import dev.throughline.jira.JiraIssue;
import dev.throughline.readmodel.EventFields;
import dev.throughline.readmodel.FactsOf;
import dev.throughline.readmodel.ProgramRefinements;
import dev.throughline.readmodel.ProgramRefinements.Refinement;
import dev.throughline.readmodel.RefinementCondition;
import dev.throughline.readmodel.RefinementCondition.Truth;
import dev.throughline.readmodel.RefinementParser;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Issue events applied to refined programs' ids: when the whole refinement is in
 * {@link RefinementParser}'s subset and the event carries what it names, the issue joins
 * or leaves the program from the event alone (no Jira call); otherwise the program is
 * marked, and its next view searches the changed issues as before
 * ({@link RefinementSync}).
 */
public final class RefinementEvents {

    /** Parsed refinements; past this many, the map starts again (refinements are few). */
    private static final int MAX_PARSED = 1000;

    private final ProgramRefinements refinements;

    private final Clock clock;

    private final Map<String, Optional<RefinementCondition>> parsed = new ConcurrentHashMap<>();

    public RefinementEvents(ProgramRefinements refinements, Clock clock) {
        this.refinements = refinements;
        this.clock = clock;
    }

    /**
     * An issue was created or updated; {@code before}: the project the read model held it
     * in (a move leaves the programs of that project).
     */
    public void changed(String siteKey, JiraIssue issue, Optional<String> before) {
        String project = FactsOf.ownProject(issue);
        long id = Long.parseLong(issue.id());
        EventFields fields = new EventFields(issue.fields());
        for (Refinement refinement : refinements.refinements(siteKey)) {
            boolean in = refinement.projects().contains(project);
            if (!in && before.filter(refinement.projects()::contains).isEmpty()) {
                continue;
            }
            Truth truth = !in ? Truth.FALSE
                    : FactsOf.complete(issue)
                            ? condition(refinement.refinement()).map(c -> c.test(fields)).orElse(Truth.UNDECIDED)
                            : Truth.UNDECIDED;
            if (truth == Truth.UNDECIDED) {
                refinements.undecided(siteKey, refinement.programId(), clock.instant());
            }
            else {
                refinements.decided(siteKey, refinement.programId(), id, truth == Truth.TRUE, clock.instant());
            }
        }
    }

    /** An issue was deleted (for certain): it leaves every refined program it was in. */
    public void deleted(String siteKey, long issueId) {
        for (Refinement refinement : refinements.refinements(siteKey)) {
            if (refinements.ids(siteKey, refinement.programId()).contains(issueId)) {
                refinements.decided(siteKey, refinement.programId(), issueId, false, clock.instant());
            }
        }
    }

    private Optional<RefinementCondition> condition(String refinement) {
        if (parsed.size() > MAX_PARSED) {
            parsed.clear();
        }
        return parsed.computeIfAbsent(refinement, RefinementParser::parse);
    }

}
