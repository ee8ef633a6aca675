package dev.rolecall.request;

/**
 * How large a page of a list of requests may be, in the pages and the API alike. A size outside
 * these bounds is refused with a field error, never clamped. Pages are found by position
 * ({@link RoleRequestSlice.Key}), never by number, so there is no page number to bound.
 */
public final class Paging {

    /** The most rows one page of the API may have. */
    public static final int MAX_SIZE = 100;

    public static final String SIZE_RANGE = "size must be between 1 and " + MAX_SIZE;

    private Paging() {}
}
