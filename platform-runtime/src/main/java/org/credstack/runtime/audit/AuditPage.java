package org.credstack.runtime.audit;

import java.util.List;

/**
 * One page of the audit log, newest first.
 *
 * @param entries the entries found, newest first; fewer than the limit does not mean the end (see {@code next})
 * @param next the {@code cursor} that reads on from here, or {@code null} when nothing older is left
 */
record AuditPage(List<AuditEntry> entries, String next) {}
