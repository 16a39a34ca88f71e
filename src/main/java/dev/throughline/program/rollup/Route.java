package dev.throughline.program.rollup;

import java.util.Optional;
import java.util.Set;

/**
 * Where a bucket of items lands once parents are known: at most one epic and any number
 * of themes.
 */
record Route(Optional<String> epicKey, Set<String> themeIds, Tally tally) {
}
