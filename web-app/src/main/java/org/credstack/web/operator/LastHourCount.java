package org.credstack.web.operator;

import java.time.Instant;

/**
 * One count of the last hour, from the service that counts it ({@code GET /api/v1/operations/last-hour}).
 *
 * @param label what is counted, in words
 * @param service the service that counts it
 * @param value the count, {@code null} when the service did not answer
 * @param countingSince when the service began counting, if that is within the hour (it restarted): the count covers
 *     only the time since; {@code null} when the count covers the whole hour or is unknown
 */
public record LastHourCount(String label, String service, Long value, Instant countingSince) {}
