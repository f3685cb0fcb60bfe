package org.credstack.enrollment.xapi;

/**
 * What a statement is about (xAPI Data section 2.4.4): an {@link Activity}, an {@link Agent} or {@link Group}, a
 * {@link StatementRef} or a {@link SubStatement}.
 */
public sealed interface StatementObject permits Activity, Agent, Group, StatementRef, SubStatement {}
