package io.github.planetscaleci.emulator.api;

import java.util.List;

/** The page-based list envelope of the real API. */
public record Page<T>(
    String type,
    int currentPage,
    int perPage,
    Integer nextPage,
    String nextPageUrl,
    Integer prevPage,
    String prevPageUrl,
    int totalCount,
    int totalPages,
    List<T> data) {

  /** Cuts one page out of {@code all}; {@code url} is the list's absolute URL without a query. */
  public static <T> Page<T> of(List<T> all, int page, int perPage, String url) {
    int size = Math.max(1, Math.min(100, perPage));
    int current = Math.max(1, page);
    int total = all.size();
    int pages = Math.max(1, (total + size - 1) / size);
    int from = Math.min(total, (current - 1) * size);
    int to = Math.min(total, from + size);
    Integer next = current < pages ? current + 1 : null;
    Integer prev = current > 1 ? current - 1 : null;
    return new Page<>(
        "list",
        current,
        size,
        next,
        next == null ? null : url + "?page=" + next + "&per_page=" + size,
        prev,
        prev == null ? null : url + "?page=" + prev + "&per_page=" + size,
        total,
        pages,
        List.copyOf(all.subList(from, to)));
  }
}
