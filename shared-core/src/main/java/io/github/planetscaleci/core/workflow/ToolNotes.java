package io.github.planetscaleci.core.workflow;

/**
 * The mark this tool writes into the notes of every deploy request it opens, so that a sweep can
 * tell its own requests from people's. Callers' notes are kept; the mark is added when missing.
 */
final class ToolNotes {
  /** Also the opening words of the notes the GitHub Action and the CLI write. */
  static final String MARK = "Opened by planetscale-ci";

  private ToolNotes() {}

  /** The notes to send: the caller's, with the mark appended on its own line if missing. */
  static String withMark(String notes) {
    if (notes == null || notes.isBlank()) {
      return MARK + ".";
    }
    return notes.contains(MARK) ? notes : notes.stripTrailing() + "\n\n" + MARK + ".";
  }

  /** True if the notes carry the mark, so this tool opened the request. */
  static boolean isMarked(String notes) {
    return notes != null && notes.contains(MARK);
  }
}
