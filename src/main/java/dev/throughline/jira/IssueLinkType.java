package dev.throughline.jira;

/** A kind of issue link, e.g. Blocks: "is blocked by" (inward) / "blocks" (outward). */
public record IssueLinkType(String id, String name, String inward, String outward) {

    public IssueLinkType {
        Checks.numericId("link type id", id);
        Checks.notBlank("name", name);
        Checks.notBlank("inward", inward);
        Checks.notBlank("outward", outward);
    }
}
