package io.github.planetscaleci.core.naming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.planetscaleci.core.error.ConfigurationException;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class BranchNamesTest {
  private final Random random = new Random(2026);

  @Test
  void examples() {
    assertThat(BranchNames.forPullRequest(123, 456789, 2).name()).isEqualTo("ci-pr-123-r456789-a2");
    assertThat(BranchNames.forPullRequest(123, 456789, 2).logLine())
        .isEqualTo("GitHub PR #123, run 456789, attempt 2 -> ci-pr-123-r456789-a2");
    assertThat(BranchNames.forGitHubRun("refs/heads/main", 99, 1).name())
        .isEqualTo("ci-gh-main-r99-a1");
    assertThat(BranchNames.forGitHubRun("refs/heads/Feature/Login", 99, 1).name())
        .matches("ci-gh-feature-login-[0-9a-f]{8}-r99-a1");
    assertThat(BranchNames.forGitHubRun("refs/tags/v1.2", 99, 1).name())
        .matches("ci-gh-tag-v1-2-[0-9a-f]{8}-r99-a1");
    assertThat(BranchNames.forJenkins("deploy", 42).name()).isEqualTo("ci-jenkins-deploy-b42");
    assertThat(BranchNames.forJenkins("acme/app/PR-12", 42).name())
        .matches("ci-jenkins-acme-app-pr-12-[0-9a-f]{8}-b42");
    assertThat(BranchNames.forJenkins("acme/app/PR-12", 42).ciDescription())
        .isEqualTo("Jenkins acme/app/PR-12 #42");
  }

  @Test
  void longNamesAreCutAndKeepAHash() {
    String job =
        "platform-team/very-long-service-name-for-payments/feature%2Fadd-a-much-longer-branch";
    BranchName n = BranchNames.forJenkins(job, 1234);
    assertThat(n.name()).hasSizeLessThanOrEqualTo(BranchNames.MAX_LENGTH).endsWith("-b1234");
    assertThat(n.name()).isNotEqualTo(BranchNames.forJenkins(job + "x", 1234).name());
  }

  @Test
  void userNamesAreValidatedWithASuggestion() {
    assertThat(BranchNames.userGiven("my-branch-2").name()).isEqualTo("my-branch-2");
    assertThatThrownBy(() -> BranchNames.userGiven("Feature/Login"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageMatching(
            "invalid branch name 'Feature/Login': it contains upper-case letters;.*"
                + "for example 'feature-login-[0-9a-f]{8}'");
    for (String bad : new String[] {"", "-x", "x-", "a--b", "a_b", "x".repeat(64), "ü"}) {
      assertThatThrownBy(() -> BranchNames.userGiven(bad))
          .isInstanceOf(ConfigurationException.class);
      String suggestion = BranchNames.suggest(bad);
      assertThat(suggestion.isEmpty() || BranchNames.isValid(suggestion)).as(bad).isTrue();
    }
  }

  @Test
  void generatedNamesAreAlwaysValidBoundedAndTaggedForTheSweep() {
    for (int i = 0; i < 20_000; i++) {
      BranchName n = randomName();
      assertThat(BranchNames.isValid(n.name())).as(n.logLine()).isTrue();
      assertThat(n.name()).hasSizeLessThanOrEqualTo(BranchNames.MAX_LENGTH);
      assertThat(BranchNames.isToolBranch(n.name())).isTrue();
    }
  }

  @Test
  void extremeFactsStillGiveNamesTheSweepRecognises() {
    for (BranchName n :
        new BranchName[] {
          BranchNames.forPullRequest(Long.MAX_VALUE, Long.MAX_VALUE, Integer.MAX_VALUE),
          BranchNames.forPullRequest(1, Long.MAX_VALUE, Integer.MAX_VALUE),
          BranchNames.forPullRequest(Long.MAX_VALUE, 1, 1),
          BranchNames.forGitHubRun("refs/heads/" + "x".repeat(200), Long.MAX_VALUE, 7),
          BranchNames.forGitHubRun("///", Long.MAX_VALUE, Integer.MAX_VALUE),
          BranchNames.forJenkins("ü/ü", Long.MAX_VALUE),
          BranchNames.forJenkins("a".repeat(300), Long.MAX_VALUE)
        }) {
      assertThat(n.name()).hasSizeLessThanOrEqualTo(BranchNames.MAX_LENGTH);
      assertThat(BranchNames.isToolBranch(n.name())).as(n.logLine()).isTrue();
    }
  }

  @Test
  void namesThatOnlyStartWithThePrefixAreNotTheTools() {
    for (String name :
        new String[] {
          "ci-infra",
          "ci-",
          "ci-pr-12",
          "ci-pr-12-r5",
          "ci-pr-12-a1",
          "ci-pr-12-r5-a",
          "ci-pr-feature-r5-a1",
          "ci-pr-012-r5-a1",
          "ci-pr-12-r05-a1",
          "ci-pr-12-abc-r5-a1",
          "ci-pr-12-r5-a1-old",
          "ci-gh-main",
          "ci-gh-r5-a1",
          "ci-gh-main-r5",
          "ci-gh-main-r0-a1",
          "ci-jenkins-foo",
          "ci-jenkins-b7",
          "ci-jenkins-foo-b",
          "ci-jenkins-foo-b0",
          "ci-jenkins-foo-b12-x",
          "ci-build-42",
          "ci-staging",
          "ci-pr-12-r5-a1".toUpperCase(java.util.Locale.ROOT),
          "ci-jenkins-" + "a".repeat(40) + "-b1",
          "xci-pr-12-r5-a1",
          "pr-12-r5-a1",
          "ci--pr-12-r5-a1",
          null
        }) {
      assertThat(BranchNames.isToolBranch(name)).as(name).isFalse();
    }
    for (String name :
        new String[] {
          "ci-pr-12-r5-a1",
          "ci-pr-12-0123abcd-r5-a1",
          "ci-pr-0123abcd-r5-a1",
          "ci-gh-main-r99-a1",
          "ci-gh-tag-v1-2-0123abcd-r99-a1",
          "ci-jenkins-deploy-b42",
          "ci-jenkins-acme-app-pr-12-0123abcd-b42"
        }) {
      assertThat(BranchNames.isToolBranch(name)).as(name).isTrue();
    }
  }

  @Test
  void namesAreDeterministicAndDistinctInputsGetDistinctNames() {
    Map<String, String> seen = new HashMap<>();
    for (int i = 0; i < 20_000; i++) {
      long seed = random.nextLong();
      BranchName a = randomName(new Random(seed));
      BranchName b = randomName(new Random(seed));
      assertThat(a).isEqualTo(b);
      String previous = seen.put(a.name(), a.ciDescription());
      assertThat(previous == null || previous.equals(a.ciDescription()))
          .as("%s and %s share %s", previous, a.ciDescription(), a.name())
          .isTrue();
    }
  }

  @Test
  void suggestionsAreAlwaysValid() {
    for (int i = 0; i < 5_000; i++) {
      String raw = randomText(random, 1 + random.nextInt(90));
      String s = BranchNames.suggest(raw);
      if (!raw.isBlank()) {
        assertThat(BranchNames.isValid(s)).as(raw + " -> " + s).isTrue();
      }
    }
  }

  private BranchName randomName() {
    return randomName(random);
  }

  /** Small ranges on purpose, so that near-collisions (same run, similar refs) are common. */
  private static BranchName randomName(Random r) {
    Supplier<Long> small = () -> 1 + (long) r.nextInt(r.nextBoolean() ? 5 : 1_000_000);
    switch (r.nextInt(3)) {
      case 0:
        return BranchNames.forPullRequest(
            small.get(),
            r.nextBoolean() ? small.get() : Long.MAX_VALUE - r.nextInt(3),
            1 + r.nextInt(3));
      case 1:
        String prefix =
            r.nextBoolean() ? "refs/heads/" : (r.nextBoolean() ? "refs/tags/" : "refs/pull/");
        return BranchNames.forGitHubRun(
            prefix + randomText(r, 1 + r.nextInt(70)), small.get(), 1 + r.nextInt(3));
      default:
        return BranchNames.forJenkins(randomText(r, 1 + r.nextInt(80)), small.get());
    }
  }

  private static String randomText(Random r, int length) {
    String alphabet = "abcXYZ019-/_. %ü";
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < length; i++) {
      s.append(alphabet.charAt(r.nextInt(alphabet.length())));
    }
    String t = s.toString();
    return t.isBlank() ? "x" : t;
  }
}
