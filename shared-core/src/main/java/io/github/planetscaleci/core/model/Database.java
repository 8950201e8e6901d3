package io.github.planetscaleci.core.model;

/**
 * A PlanetScale database as returned by {@code GET .../databases/{database}} (the fields we use).
 */
public record Database(
    String id,
    String name,
    String state,
    boolean ready,
    String kind,
    String defaultBranch,
    boolean requireApprovalForDeploy,
    String htmlUrl) {}
