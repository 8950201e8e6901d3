package com.cloudbees.plugins.credentials;

import com.cloudbees.plugins.credentials.common.IdCredentials;
import com.cloudbees.plugins.credentials.domains.DomainRequirement;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import edu.umd.cs.findbugs.annotations.Nullable;
import hudson.ExtensionPoint;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.model.Item;
import hudson.model.Run;
import hudson.security.Permission;
import jenkins.model.Jenkins;

/**
 * Stand-in for the credentials plugin's {@code CredentialsProvider} (static lookup and tracking
 * subset; the Spring {@code Authentication} overloads are omitted). Lookups need credential stores
 * and tracking needs fingerprints, i.e. a running Jenkins, so they fail in the stubs.
 */
public abstract class CredentialsProvider extends Descriptor<CredentialsProvider>
    implements ExtensionPoint, Describable<CredentialsProvider> {

  public static final Permission USE_OWN =
      Permission.fromId("com.cloudbees.plugins.credentials.CredentialsProvider.UseOwn");
  public static final Permission USE_ITEM =
      Permission.fromId("com.cloudbees.plugins.credentials.CredentialsProvider.UseItem");
  public static final Permission VIEW =
      Permission.fromId("com.cloudbees.plugins.credentials.CredentialsProvider.View");

  @SuppressWarnings("unchecked")
  protected CredentialsProvider() {
    super((Class<? extends CredentialsProvider>) self());
  }

  @Override
  public Descriptor<CredentialsProvider> getDescriptor() {
    return this;
  }

  /** Since credentials 1305; looks in the build's parameters, then the job's stores. */
  @CheckForNull
  public static <C extends IdCredentials> C findCredentialById(
      @NonNull String id, @NonNull Class<C> type, @NonNull Run<?, ?> run) {
    throw needsJenkins("findCredentialById");
  }

  @CheckForNull
  public static <C extends IdCredentials> C findCredentialById(
      @NonNull String id,
      @NonNull Class<C> type,
      @NonNull Run<?, ?> run,
      @Nullable java.util.List<DomainRequirement> domainRequirements) {
    throw needsJenkins("findCredentialById");
  }

  /**
   * Varargs form.
   *
   * @deprecated use the {@code List} or 3-argument overload
   */
  public static <C extends IdCredentials> C findCredentialById(
      @NonNull String id,
      @NonNull Class<C> type,
      @NonNull Run<?, ?> run,
      DomainRequirement... domainRequirements) {
    throw needsJenkins("findCredentialById");
  }

  /** Records that the build used these credentials (fingerprint); returns them. */
  @CheckForNull
  @SuppressWarnings("rawtypes")
  public static <C extends Credentials> C track(@NonNull Run build, @CheckForNull C credentials) {
    if (credentials == null) {
      return null;
    }
    throw needsJenkins("track");
  }

  /** Records that the item used these credentials (fingerprint); returns them. */
  @CheckForNull
  public static <C extends Credentials> C track(@NonNull Item item, @CheckForNull C credentials) {
    if (credentials == null) {
      return null;
    }
    throw needsJenkins("track");
  }

  private static RuntimeException needsJenkins(String what) {
    Jenkins.get(); // throws IllegalStateException, as the real lookups do without Jenkins
    return new UnsupportedOperationException("stub: CredentialsProvider." + what);
  }
}
