package dev.throughline.readmodel;

import dev.throughline.readmodel.IssueFacts.IssueRef;

import java.util.Set;

/**
 * Issues whose children a reader wants, named the way a child names its parent: by id
 * (kept when the parent moves to another project), or by key where the child holds no id
 * for it (it came from an event naming the parent by key only).
 */
public record ParentSet(Set<Long> ids, Set<String> keys) {

    public ParentSet {
        ids = Set.copyOf(ids);
        keys = Set.copyOf(keys);
    }

    public boolean isEmpty() {
        return ids.isEmpty() && keys.isEmpty();
    }

    /** A child naming its parent so is a child of one of these. */
    public boolean contains(IssueRef parent) {
        return parent.id() > 0 ? ids.contains(parent.id()) : keys.contains(parent.key());
    }

}
