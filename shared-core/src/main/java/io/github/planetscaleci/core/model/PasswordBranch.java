package io.github.planetscaleci.core.model;

/** The branch a password belongs to, as named in the password response. */
public record PasswordBranch(String id, String name, boolean production) {}
