package org.credstack.catalog.common;

import java.util.List;
import java.util.function.Function;
import org.springframework.data.domain.Page;

/**
 * A page of results, as every list endpoint of the catalog answers it.
 *
 * @param items the entries on this page
 * @param page where this page is in the whole result
 */
public record PageView<T>(List<T> items, PageMeta page) {

    /** The highest page number a list endpoint accepts (deep pages are for search refinement, not paging). */
    public static final int MAX_PAGE = 10_000;

    /** The page's entries mapped by {@code view}, with its position. */
    public static <E, T> PageView<T> of(Page<E> page, Function<E, T> view) {
        return new PageView<>(
                page.getContent().stream().map(view).toList(),
                new PageMeta(page.getNumber(), page.getSize(), page.getTotalElements(), page.getTotalPages()));
    }

    /**
     * @param number page number, from 0
     * @param size page size asked for
     * @param totalElements how many entries match in all
     * @param totalPages how many pages of this size there are
     */
    public record PageMeta(int number, int size, long totalElements, int totalPages) {}
}
