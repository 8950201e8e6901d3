package io.github.planetscaleci.core.report;

/** A text buffer with a size limit: parts are appended only while they fit. */
final class Budget {
  private final StringBuilder out = new StringBuilder();
  private final int limit;
  private boolean truncated;

  Budget(int limit) {
    this.limit = limit;
  }

  /** Appends {@code s} if it fits and returns true; otherwise marks the output truncated. */
  boolean add(String s) {
    if (out.length() + s.length() > limit) {
      truncated = true;
      return false;
    }
    out.append(s);
    return true;
  }

  /** Appends short, essential text even past the limit (headers whose inputs are bounded). */
  void force(String s) {
    out.append(s);
  }

  int remaining() {
    return limit - out.length();
  }

  int length() {
    return out.length();
  }

  boolean truncated() {
    return truncated;
  }

  void markTruncated() {
    truncated = true;
  }

  @Override
  public String toString() {
    return out.toString();
  }
}
