/**
 * Plain-Java problems any feature can raise — field errors (400), not found (404), not
 * allowed (403) — which {@code web.ApiExceptionHandler} turns into JSON answers, so
 * features need no web types to report them.
 */
package dev.throughline.problems;
