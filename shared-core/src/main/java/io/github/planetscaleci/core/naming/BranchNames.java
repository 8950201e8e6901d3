package io.github.planetscaleci.core.naming;

import io.github.planetscaleci.core.error.ConfigurationException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Derives valid, deterministic, collision-free branch names from CI facts, and validates names
 * given by users.
 *
 * <p>Generated names start with {@value #PREFIX}, use only {@code [a-z0-9-]}, never start or end
 * with a hyphen nor contain two in a row, and are at most {@value #MAX_LENGTH} characters. When a
 * CI fact cannot be spelled exactly (upper case, slashes, too long), an 8-character hash of the
 * full facts is kept in the name, so two different builds never share a branch.
 *
 * <p>The sweep deletes only names of the three generated shapes ({@link #isToolBranch}), never a
 * name that merely starts with {@value #PREFIX}: {@code ci-pr-<number>-r<run>-a<attempt>}, {@code
 * ci-gh-<ref>-r<run>-a<attempt>} and {@code ci-jenkins-<job>-b<build>}, where a shortened or
 * respelled part is followed by its hash ({@code ci-pr-<digits>-<hash>-r..}, {@code
 * ci-gh-<ref>-<hash>-r..}, {@code ci-jenkins-<job>-<hash>-b..}) or replaced by it. So {@code
 * ci-infra}, {@code ci-pr-12}, {@code ci-pr-12-r5} or {@code ci-jenkins-deploy} are never swept,
 * and a branch a user names in a generated shape (e.g. {@code ci-jenkins-nightly-b1}) is.
 */
public final class BranchNames {
  /** The prefix of every generated name; see {@link #isToolBranch} for the full shapes. */
  public static final String PREFIX = "ci-";

  /** The length bound of generated names. */
  public static final int MAX_LENGTH = 48;

  /** The length bound of names users give (PlanetScale documents no limit; stay well below). */
  public static final int MAX_USER_LENGTH = 63;

  private static final Pattern VALID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  /** The shapes {@link NameComposer} produces for the three kinds of build; see the class doc. */
  private static final Pattern GENERATED;

  static {
    String number = "[1-9][0-9]*";
    String hash = "[0-9a-f]{" + NameComposer.HASH_LENGTH + "}";
    String slug = "[a-z0-9]+(?:-[a-z0-9]+)*";
    String run = "-r" + number + "-a" + number;
    GENERATED =
        Pattern.compile(
            PREFIX
                + "(?:pr-(?:"
                + number
                + "(?:-"
                + hash
                + ")?|"
                + hash
                + ")"
                + run
                + "|gh-"
                + slug
                + run
                + "|jenkins-"
                + slug
                + "-b"
                + number
                + ")");
  }

  private BranchNames() {}

  /** A GitHub pull request build, e.g. {@code ci-pr-123-r456789-a2}. */
  public static BranchName forPullRequest(long prNumber, long runId, int runAttempt) {
    requirePositive(prNumber, "pull request number");
    requirePositive(runId, "run id");
    requirePositive(runAttempt, "run attempt");
    String identity = "github-pr\u0000" + prNumber + "\u0000" + runId + "\u0000" + runAttempt;
    String name =
        NameComposer.compose(
            "pr", Long.toString(prNumber), "r" + runId + "-a" + runAttempt, identity);
    return new BranchName(
        name, "GitHub PR #" + prNumber + ", run " + runId + ", attempt " + runAttempt);
  }

  /**
   * A GitHub push or dispatch build of {@code ref}, e.g. {@code ci-gh-main-r456789-a1} for {@code
   * refs/heads/main}.
   */
  public static BranchName forGitHubRun(String ref, long runId, int runAttempt) {
    requireText(ref, "ref");
    requirePositive(runId, "run id");
    requirePositive(runAttempt, "run attempt");
    String shortRef = shortRef(ref);
    String suffix = "r" + runId + "-a" + runAttempt;
    String identity = "github-run\u0000" + ref + "\u0000" + runId + "\u0000" + runAttempt;
    // Only plain branch refs may be spelled without a hash: refs/tags/x and refs/heads/tag-x both
    // shorten to tag-x, and a bare "main" must not collide with refs/heads/main.
    boolean exactAllowed = ref.startsWith("refs/heads/") && !shortRef.startsWith("tag-");
    String name = NameComposer.compose("gh", shortRef, exactAllowed, suffix, identity);
    return new BranchName(name, "GitHub " + ref + ", run " + runId + ", attempt " + runAttempt);
  }

  /** A Jenkins build, e.g. {@code ci-jenkins-app-main-3f2a9c1d-b42} for job {@code app/main}. */
  public static BranchName forJenkins(String jobFullName, long buildNumber) {
    requireText(jobFullName, "job name");
    requirePositive(buildNumber, "build number");
    String identity = "jenkins\u0000" + jobFullName + "\u0000" + buildNumber;
    String name = NameComposer.compose("jenkins", jobFullName, "b" + buildNumber, identity);
    return new BranchName(name, "Jenkins " + jobFullName + " #" + buildNumber);
  }

  /**
   * A name the user chose, used as is.
   *
   * @throws ConfigurationException if it is not a valid branch name; the message suggests one
   */
  public static BranchName userGiven(String name) {
    validate(name, "branch name");
    return new BranchName(name, "branch name given");
  }

  /**
   * Checks a branch name given by a user.
   *
   * @param what what the name is for the message, e.g. "branch name" or "target branch"
   * @throws ConfigurationException if invalid; the message names the rule broken and a valid name
   */
  public static void validate(String name, String what) {
    String problem = problem(name);
    if (problem != null) {
      String suggestion = suggest(name);
      throw new ConfigurationException(
          "invalid "
              + what
              + " '"
              + (name == null ? "" : name)
              + "': "
              + problem
              + "; use lower-case letters, digits and single hyphens"
              + (suggestion.isEmpty() ? "" : ", for example '" + suggestion + "'"));
    }
  }

  /** True if {@code name} is a valid branch name as {@link #validate} defines it. */
  public static boolean isValid(String name) {
    return problem(name) == null;
  }

  /**
   * True if the name has one of the shapes this class generates (see the class doc), so a sweep may
   * consider it; a name that only starts with {@value #PREFIX}, such as {@code ci-infra}, is not.
   */
  public static boolean isToolBranch(String name) {
    return name != null && name.length() <= MAX_LENGTH && GENERATED.matcher(name).matches();
  }

  /**
   * A valid name close to {@code raw}: lower-cased, other characters turned into single hyphens,
   * and, if that lost anything or was too long, a hash of the original kept at the end.
   */
  public static String suggest(String raw) {
    if (raw == null || raw.isBlank()) {
      return "";
    }
    return NameComposer.sanitizeWithHash(raw, MAX_USER_LENGTH);
  }

  private static String problem(String name) {
    if (name == null || name.isEmpty()) {
      return "it is empty";
    }
    if (name.length() > MAX_USER_LENGTH) {
      return "it is longer than " + MAX_USER_LENGTH + " characters";
    }
    if (!name.equals(name.toLowerCase(Locale.ROOT))) {
      return "it contains upper-case letters";
    }
    if (name.startsWith("-") || name.endsWith("-")) {
      return "it starts or ends with a hyphen";
    }
    if (name.contains("--")) {
      return "it contains two hyphens in a row";
    }
    if (!VALID.matcher(name).matches()) {
      return "it contains characters other than a-z, 0-9 and '-'";
    }
    return null;
  }

  private static String shortRef(String ref) {
    if (ref.startsWith("refs/heads/")) {
      return ref.substring("refs/heads/".length());
    }
    if (ref.startsWith("refs/tags/")) {
      return "tag-" + ref.substring("refs/tags/".length());
    }
    return ref;
  }

  private static void requirePositive(long value, String what) {
    if (value <= 0) {
      throw new ConfigurationException(what + " must be a positive number, got " + value);
    }
  }

  private static void requireText(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new ConfigurationException(what + " must not be empty");
    }
  }
}
