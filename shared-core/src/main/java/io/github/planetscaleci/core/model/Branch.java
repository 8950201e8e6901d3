package io.github.planetscaleci.core.model;

import java.time.Instant;

/** A database branch; usable when {@link #ready()} is true. */
public record Branch(
    String id,
    String name,
    String parentBranch,
    boolean ready,
    String state,
    boolean production,
    boolean safeMigrations,
    String htmlUrl,
    Instant createdAt,
    Instant updatedAt) {}
