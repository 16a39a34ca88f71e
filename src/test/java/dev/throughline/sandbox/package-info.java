/**
 * A deterministic fake Jira Cloud site for end-to-end tests.
 *
 * <p>Two layers, so the model can later move to main code without WireMock or Jackson:
 * <ul>
 *   <li>Site model (plain Java): {@link dev.throughline.sandbox.SandboxSite}, {@link dev.throughline.sandbox.SandboxGenerator},
 *       the records it holds, and the JQL subset ({@link dev.throughline.sandbox.JqlParser} for syntax,
 *       {@link dev.throughline.sandbox.JqlMatcher} for meaning).</li>
 *   <li>HTTP layer: {@link dev.throughline.sandbox.JiraSandbox} runs WireMock 3 with one global
 *       {@code ResponseDefinitionTransformerV2} that routes every request to an endpoint class
 *       ({@code *Endpoints}) answering from the model, in the shapes of ../shared/jira/*.json
 *       (checked by {@code SpecConformanceTest}).</li>
 * </ul>
 *
 * <p>Conventions worth knowing: the site's clock is fixed ({@link dev.throughline.sandbox.SandboxSite#now()});
 * rank is one site-wide order; a link's source is the issue that "blocks" its target, rendered on each issue from
 * its own side as Jira does; without ORDER BY, search returns newest first.
 */
package dev.throughline.sandbox;
