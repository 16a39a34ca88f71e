package dev.throughline.grooming;

/**
 * How the proposal treats dependencies and unscored issues.
 *
 * @param dependencyAware an issue never goes above an open backlog issue that blocks it
 * @param unscoredLast unscored issues go below all scored ones (in their current relative
 * order); when false they stay exactly where they are, like pinned issues, and only
 * scored issues are reordered around them - "I have not scored these yet" must not mean
 * "push these down"
 */
public record ProposalOptions(boolean dependencyAware, boolean unscoredLast) {

    public static ProposalOptions defaults() {
        return new ProposalOptions(true, true);
    }

    public ProposalOptions ignoringDependencies() {
        return new ProposalOptions(false, unscoredLast);
    }

    public ProposalOptions keepingUnscoredInPlace() {
        return new ProposalOptions(dependencyAware, false);
    }
}
