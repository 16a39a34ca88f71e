/**
 * A deterministic fake Jira Cloud site for end-to-end tests: the site model (plain Java).
 *
 * <p>
 * Three packages, so the model can later move to main code without WireMock or Jackson:
 * <ul>
 * <li>this one, the site model: {@link dev.throughline.sandbox.SandboxSite},
 * {@link dev.throughline.sandbox.SandboxGenerator}, the records it holds, its users,
 * groups and permissions, and its property stores;</li>
 * <li>{@code sandbox.jql}, the JQL subset ({@code JqlParser} for syntax,
 * {@code JqlMatcher} for meaning), over the model;</li>
 * <li>{@code sandbox.http}: {@code JiraSandbox} runs WireMock 3 with one global
 * {@code ResponseDefinitionTransformerV2} that routes every request to an endpoint class
 * ({@code *Endpoints}) answering from the model, in the shapes of ../shared/jira/*.json
 * (checked by {@code SpecConformanceTest}).</li>
 * </ul>
 * Dependencies run one way: http uses jql and the model, jql uses the model.
 *
 * <p>
 * Conventions worth knowing: the site's clock is fixed
 * ({@link dev.throughline.sandbox.SandboxSite#now()}); rank is one site-wide order; a
 * link's source is the issue that "blocks" its target, rendered on each issue from its
 * own side as Jira does; without ORDER BY, search returns newest first.
 */
package dev.throughline.sandbox;
