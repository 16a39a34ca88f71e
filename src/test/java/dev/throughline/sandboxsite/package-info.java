/**
 * The local sandbox site: {@code mvn spring-boot:run} starts the app together with a
 * simulated Jira site (the test sandbox with the Acme demo company), installs the app
 * into it through the signed install handshake, and serves every Connect page inside a
 * Jira-like frame whose host bridge implements the part of Connect's {@code AP} API our
 * pages use. It lives in the test sources, so the packaged jar never contains it, and it
 * refuses to start under the {@code production} profile.
 */
package dev.throughline.sandboxsite;
