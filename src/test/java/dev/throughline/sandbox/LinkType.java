package dev.throughline.sandbox;

import java.util.Objects;

/**
 * An issue link type; a link reads "source {outward} target" and "target {inward}
 * source".
 */
public record LinkType(String id, String name, String inward, String outward) {

    public static final LinkType BLOCKS = new LinkType("10000", "Blocks", "is blocked by", "blocks");

    public static final LinkType RELATES = new LinkType("10003", "Relates", "relates to", "relates to");

    public LinkType {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(inward, "inward");
        Objects.requireNonNull(outward, "outward");
    }
}
