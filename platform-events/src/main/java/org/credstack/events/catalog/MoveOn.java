package org.credstack.events.catalog;

/**
 * When an assignment counts as done, in cmi5 terms (cmi5 section 13.1.4, {@code moveOn}). The constants keep
 * the spec's spelling, which is also their JSON form in {@link CredentialSnapshot.Assignment}. The catalog
 * validates assignments against it and enrollment decides completions by it: one enum for both, here,
 * because it is part of the catalog snapshot every consumer reads.
 */
public enum MoveOn {
    /** A completion is needed. */
    Completed,
    /** A pass is needed. */
    Passed,
    /** Both a completion and a pass are needed, in either order. */
    CompletedAndPassed,
    /** A completion or a pass, whichever comes first. */
    CompletedOrPassed,
    /** Nothing is needed: satisfied from enrollment on. */
    NotApplicable
}
