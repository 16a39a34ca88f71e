package dev.throughline.program.service;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counters of a running fetch; the approximate total is -1 until (or unless) Jira's
 * estimate arrives.
 */
final class FetchProgress {

    final AtomicLong read = new AtomicLong();

    volatile long approximateTotal = -1;

}
