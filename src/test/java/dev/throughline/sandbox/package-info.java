/**
 * A deterministic fake Jira Cloud site for end-to-end tests.
 *
 * <p>Two layers, so the model can later move to main code without WireMock or Jackson:
 * <ul>
 *   <li>Site model (plain Java): {@link SandboxSite}, {@link SandboxGenerator},
 *       the records it holds, and the JQL subset ({@link JqlParser} for syntax,
 *       {@link JqlMatcher} for meaning).</li>
 *   <li>HTTP layer: {@link JiraSandbox} runs WireMock 3 with one global
 *       {@code ResponseDefinitionTransformerV2} that routes every request to an endpoint class
 *       ({@code *Endpoints}) answering from the model, in the shapes of ../shared/jira/*.json
 *       (checked by {@code SpecConformanceTest}).</li>
 * </ul>
 *
 * <p>Conventions worth knowing: the site's clock is fixed ({@link SandboxSite#now()});
 * rank is one site-wide order; POST issueLink treats {@code inwardIssue} as the link's source ("A blocks B"
 * for {@code inwardIssue: A, outwardIssue: B}), as Jira does; without ORDER BY, search returns newest first.
 */
package dev.throughline.sandbox;
