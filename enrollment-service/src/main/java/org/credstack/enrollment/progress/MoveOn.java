package org.credstack.enrollment.progress;

/**
 * When an assignment counts as done, in cmi5 terms (cmi5 section 13.1.4, {@code moveOn}). The constants keep the
 * spec's spelling, as the catalog's credential snapshot does.
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
