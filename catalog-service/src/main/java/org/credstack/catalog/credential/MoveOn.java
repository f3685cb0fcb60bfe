package org.credstack.catalog.credential;

/**
 * When an assignment counts as done, in cmi5 terms (cmi5 section 13.1.4, {@code moveOn}). The constants
 * keep the spec's spelling.
 */
public enum MoveOn {
    Completed,
    Passed,
    CompletedAndPassed,
    CompletedOrPassed,
    NotApplicable
}
