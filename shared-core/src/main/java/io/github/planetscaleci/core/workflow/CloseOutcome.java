package io.github.planetscaleci.core.workflow;

/**
 * What closing did.
 *
 * @param branchDeleted the branch was deleted now
 * @param alreadyGone the branch no longer existed (success)
 * @param kept the branch was left in place, with the reason
 */
public record CloseOutcome(
    String branch, boolean branchDeleted, boolean alreadyGone, int passwordsDeleted, String kept) {}
