package dev.throughline.scoring.service;

import dev.throughline.scoring.Ranking;
import dev.throughline.scoring.Score;
import dev.throughline.scoring.ValueRecord;

import java.util.Optional;

/**
 * What the issue panel and the API show for one issue: the stored value, its breakdown
 * under the current definition, its place in the project (computed, never stored), and
 * whether the caller may change it. {@code unreadableNote} says why a stored value this
 * app cannot read counts as unscored; {@code unreadableRanked} is how many issues the
 * ranking left out because their stored values could not be read. {@code note} tells the
 * writer something about a save that succeeded, e.g. that the sidebar label will be
 * refreshed later.
 */
public record IssueValueView(String issueKey, long issueId, String projectKey, boolean editable,
        Optional<ValueRecord> value, Optional<String> modelName, Optional<Score> evaluation, Optional<Ranking> ranking,
        Optional<String> defaultModel, boolean needsRescore, Optional<String> unreadableNote, int unreadableRanked,
        Optional<String> note) {

    IssueValueView withNote(String text) {
        return new IssueValueView(issueKey, issueId, projectKey, editable, value, modelName, evaluation, ranking,
                defaultModel, needsRescore, unreadableNote, unreadableRanked, Optional.of(text));
    }
}
