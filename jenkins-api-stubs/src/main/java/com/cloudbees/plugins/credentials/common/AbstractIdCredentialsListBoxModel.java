package com.cloudbees.plugins.credentials.common;

import com.cloudbees.plugins.credentials.CredentialsMatcher;
import com.cloudbees.plugins.credentials.domains.DomainRequirement;
import edu.umd.cs.findbugs.annotations.NonNull;
import edu.umd.cs.findbugs.annotations.Nullable;
import hudson.model.Item;
import hudson.util.ListBoxModel;
import java.util.List;

/**
 * Stand-in for the credentials plugin's {@code AbstractIdCredentialsListBoxModel}: a credentials
 * drop-down (empty and current values work; listing matching credentials needs Jenkins).
 */
public abstract class AbstractIdCredentialsListBoxModel<
        T extends AbstractIdCredentialsListBoxModel<T, C>, C extends IdCredentials>
    extends ListBoxModel {
  private static final long serialVersionUID = 1L;

  @NonNull
  protected abstract String describe(@NonNull C c);

  /** Adds the "- none -" option with the empty value. */
  @NonNull
  public AbstractIdCredentialsListBoxModel<T, C> includeEmptyValue() {
    add("- none -", "");
    return this;
  }

  /** Real: lists matching credentials visible to the current user in {@code context}. */
  public AbstractIdCredentialsListBoxModel<T, C> includeMatching(
      @Nullable Item context,
      @NonNull Class<? extends C> type,
      @NonNull List<DomainRequirement> domainRequirements,
      @NonNull CredentialsMatcher matcher) {
    throw new UnsupportedOperationException(
        "stub: AbstractIdCredentialsListBoxModel.includeMatching needs Jenkins");
  }

  /** Keeps a saved id selectable even if it cannot be listed; no-op if already present. */
  public AbstractIdCredentialsListBoxModel<T, C> includeCurrentValue(@NonNull String value) {
    for (Option o : this) {
      if (value.equals(o.value)) {
        return this;
      }
    }
    add("- current -", value);
    return this;
  }
}
