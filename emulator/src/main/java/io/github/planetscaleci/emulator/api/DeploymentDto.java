package io.github.planetscaleci.emulator.api;

import java.util.List;
import java.util.Map;

/** Deployment object, inside a deploy request and from get_deployment. */
public record DeploymentDto(
    String id,
    String type,
    boolean autoCutover,
    boolean autoDeleteBranch,
    String createdAt,
    String cutoverAt,
    boolean cutoverExpiring,
    String deployCheckErrors,
    String finishedAt,
    String forceCutoverRequestedAt,
    String queuedAt,
    String readyToCutoverAt,
    String startedAt,
    String state,
    String submittedAt,
    String updatedAt,
    String intoBranch,
    int deployRequestNumber,
    boolean deployable,
    List<Map<String, Object>> precedingDeployments,
    List<DeployOperationDto> deployOperations,
    List<Map<String, Object>> deployOperationSummaries,
    List<DeploymentLintErrorDto> lintErrors,
    List<Map<String, Object>> sequentialDiffDependencies,
    List<Map<String, Object>> lookupVindexOperations,
    Map<String, Object> throttlerConfigurations,
    Map<String, Object> deploymentRevertRequest,
    Common.Actor actor,
    Common.Actor cutoverActor,
    Common.Actor cancelledActor,
    String schemaLastUpdatedAt,
    boolean tableLocked,
    String lockedTableName,
    boolean instantDdl,
    boolean instantDdlEligible,
    boolean queuePaused,
    String queuePauseReason) {

  /** One DDL operation of a deployment. */
  public record DeployOperationDto(
      String id,
      String type,
      String state,
      String keyspaceName,
      String tableName,
      String operationName,
      Double etaSeconds,
      Double progressPercentage,
      String deployErrorDocsUrl,
      String ddlStatement,
      String syntaxHighlightedDdl,
      String createdAt,
      String updatedAt,
      String throttledAt,
      boolean canDropData,
      boolean tableLocked,
      boolean tableRecentlyUsed,
      String tableRecentlyUsedAt,
      List<String> removedForeignKeyNames,
      String deployErrors) {}

  /** One lint error that makes a deployment undeployable. */
  public record DeploymentLintErrorDto(
      String type,
      String lintError,
      String subjectType,
      String keyspaceName,
      String tableName,
      String errorDescription,
      String docsUrl,
      String columnName,
      List<String> foreignKeyColumnNames,
      List<String> autoIncrementColumnNames,
      String schemaIdentifier) {}
}
