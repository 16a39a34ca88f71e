/**
 * The sandbox's JQL subset: {@link dev.throughline.sandbox.jql.JqlParser} turns text into
 * a {@link dev.throughline.sandbox.jql.JqlQuery} (syntax only),
 * {@link dev.throughline.sandbox.jql.JqlMatcher} gives it meaning against the site model
 * (fields, statuses, parents, property terms such as {@code valueScore}); errors are
 * {@link dev.throughline.sandbox.jql.JqlException}s, answered 400 by the search endpoints
 * as Jira does.
 */
package dev.throughline.sandbox.jql;
