package org.credstack.web.provider;

import java.util.function.IntFunction;
import tools.jackson.databind.JsonNode;

/**
 * Where one page of a service's list is, as the staff lists show it, with the links to the pages either side.
 *
 * @param number the page number, from 0
 * @param totalPages how many pages there are
 * @param totalElements how many entries there are in all
 * @param previous the link to the page before, or {@code null} on the first
 * @param next the link to the page after, or {@code null} on the last
 */
record Pager(int number, int totalPages, long totalElements, String previous, String next) {

    /** Entries per page of the staff lists. */
    static final int SIZE = 20;

    /** The highest page number the services take. */
    static final int MAX_PAGE = 10_000;

    /** What the {@code page} parameter must be, for the page that names it. */
    static final String PAGE_ERROR = "page: a whole number from 0 to " + MAX_PAGE;

    /** The page number a {@code page} parameter asks for: 0 when absent; {@code null} when it cannot be one. */
    static Integer number(String page) {
        if (page == null || page.isBlank()) {
            return 0;
        }
        String digits = page.strip();
        if (!digits.matches("[0-9]{1,5}")) {
            return null;
        }
        int number = Integer.parseInt(digits);
        return number > MAX_PAGE ? null : number;
    }

    /**
     * @param meta the service's {@code page} object ({@code number}, {@code totalPages}, {@code totalElements})
     * @param link the link to a page by its number
     */
    static Pager of(JsonNode meta, IntFunction<String> link) {
        int number = meta.path("number").asInt(0);
        int totalPages = meta.path("totalPages").asInt(0);
        return new Pager(
                number,
                totalPages,
                meta.path("totalElements").asLong(0),
                number > 0 ? link.apply(Math.max(0, Math.min(number, totalPages) - 1)) : null,
                number + 1 < totalPages ? link.apply(number + 1) : null);
    }
}
