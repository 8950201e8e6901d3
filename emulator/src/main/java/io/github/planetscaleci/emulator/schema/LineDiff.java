package io.github.planetscaleci.emulator.schema;

import java.util.ArrayList;
import java.util.List;

/**
 * A longest-common-subsequence line diff that prints only changed lines, as {@code + }/{@code - }.
 */
final class LineDiff {
  private LineDiff() {}

  /** Changed lines turning {@code before} into {@code after}, in document order. */
  static String diff(String before, String after) {
    String[] a = before.isEmpty() ? new String[0] : before.split("\n", -1);
    String[] b = after.isEmpty() ? new String[0] : after.split("\n", -1);
    int[][] lcs = new int[a.length + 1][b.length + 1];
    for (int i = a.length - 1; i >= 0; i--) {
      for (int j = b.length - 1; j >= 0; j--) {
        lcs[i][j] =
            a[i].equals(b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    List<String> out = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < a.length || j < b.length) {
      if (i < a.length && j < b.length && a[i].equals(b[j])) {
        i++;
        j++;
      } else if (i < a.length && (j == b.length || lcs[i + 1][j] >= lcs[i][j + 1])) {
        out.add("- " + a[i++]);
      } else {
        out.add("+ " + b[j++]);
      }
    }
    return String.join("\n", out);
  }
}
