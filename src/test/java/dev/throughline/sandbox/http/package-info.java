/**
 * The sandbox served over HTTP: {@link dev.throughline.sandbox.http.JiraSandbox} runs
 * WireMock 3 with one global transformer that routes every request ({@code JiraRoutes})
 * to an endpoint class ({@code *Endpoints}) answering from the site model in the shapes
 * of ../shared/jira/*.json (checked by {@code SpecConformanceTest}); it records traffic
 * and injects faults and latency. {@link dev.throughline.sandbox.http.SandboxHttp} is a
 * small client for its self-tests.
 */
package dev.throughline.sandbox.http;
