package dev.rolecall.request;

/**
 * How far the lists of requests may be paged, in the pages and the API alike. A page number or
 * size outside these bounds is refused with a field error, never clamped and never passed to the
 * database (an offset past {@code Integer.MAX_VALUE} fails there).
 */
public final class Paging {

    /** The last page number a list may be asked for; pages are numbered from 0. */
    public static final int MAX_PAGE = 10_000;
    /** The most rows one page of the API may have. */
    public static final int MAX_SIZE = 100;

    public static final String PAGE_RANGE = "page must be between 0 and " + MAX_PAGE;
    public static final String SIZE_RANGE = "size must be between 1 and " + MAX_SIZE;

    private Paging() {}
}
