package dev.throughline.grooming;

import java.util.Optional;

/**
 * How the proposal treats dependencies and unscored issues.
 *
 * @param dependencyAware an issue never goes above an open backlog issue that blocks it
 * @param unscoredLast unscored issues go below all scored ones (in their current relative
 * order); when false they stay exactly where they are, like pinned issues, and only
 * scored issues are reordered around them - "I have not scored these yet" must not mean
 * "push these down"
 * @param leadingModel the model whose items come first in a backlog scored with several
 * models (the project's default model); the other models follow, each in one block
 */
public record ProposalOptions(boolean dependencyAware, boolean unscoredLast, Optional<String> leadingModel) {

    public ProposalOptions {
        leadingModel = leadingModel == null ? Optional.empty() : leadingModel;
    }

    public ProposalOptions(boolean dependencyAware, boolean unscoredLast) {
        this(dependencyAware, unscoredLast, Optional.empty());
    }

    public static ProposalOptions defaults() {
        return new ProposalOptions(true, true);
    }

    public ProposalOptions ignoringDependencies() {
        return new ProposalOptions(false, unscoredLast, leadingModel);
    }

    public ProposalOptions keepingUnscoredInPlace() {
        return new ProposalOptions(dependencyAware, false, leadingModel);
    }

    public ProposalOptions leadingWith(Optional<String> model) {
        return new ProposalOptions(dependencyAware, unscoredLast, model);
    }
}
