package io.github.planetscaleci.emulator.api;

import java.util.Map;

/** Organization object of get_organization and list_organizations. */
public record OrganizationDto(
    String id,
    String name,
    String billingEmail,
    String createdAt,
    String updatedAt,
    String plan,
    boolean validBillingInfo,
    boolean sso,
    boolean ssoDirectory,
    boolean singleTenancy,
    boolean managedTenancy,
    Boolean hasPastDueInvoices,
    int databaseCount,
    String ssoPortalUrl,
    Map<String, Object> features,
    boolean idpManagedRoles,
    String invoiceBudgetAmount,
    int keyspaceShardLimit,
    boolean hasCard,
    boolean paymentInfoRequired) {}
