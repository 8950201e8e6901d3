package io.github.planetscaleci.core.model;

/** One DDL operation of a deployment; {@link #canDropData()} flags data loss. */
public record DeployOperation(
    String id,
    String state,
    String keyspaceName,
    String tableName,
    String operationName,
    String ddlStatement,
    boolean canDropData,
    Double progressPercentage) {}
