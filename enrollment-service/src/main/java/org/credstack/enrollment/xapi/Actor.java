package org.credstack.enrollment.xapi;

/** Whom a statement is about: an {@link Agent} or a {@link Group} (xAPI Data section 2.4.2). */
public sealed interface Actor permits Agent, Group {

    /** Full name, or {@code null}. */
    String name();
}
