package io.github.planetscaleci.jenkins;

import hudson.console.ConsoleLogFilter;
import hudson.model.AbstractBuild;
import hudson.util.Secret;
import io.github.planetscaleci.core.event.SecretMasker;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Collection;

/**
 * Masks the branch's secrets in everything the body prints. Serializable and free of Jenkins
 * singletons (it may run on an agent); secrets are kept as {@link Secret}. The masking rule is
 * core's {@link SecretMasker}, shared with the GitHub Action.
 */
final class MaskingConsoleFilter extends ConsoleLogFilter implements Serializable {
  private static final long serialVersionUID = 1L;

  private final ArrayList<Secret> secrets = new ArrayList<>();
  private final String charsetName;

  MaskingConsoleFilter(Collection<String> secrets, Charset charset) {
    for (String s : secrets) {
      this.secrets.add(Secret.fromString(s));
    }
    this.charsetName = charset.name();
  }

  /** The overload Pipeline calls (with a null build) for filters in a step's context. */
  @Override
  @SuppressWarnings({"rawtypes", "deprecation"})
  public OutputStream decorateLogger(AbstractBuild build, OutputStream logger) {
    SecretMasker masker = new SecretMasker();
    for (Secret s : secrets) {
      masker.add(s.getPlainText());
    }
    return new MaskingOutputStream(logger, masker, Charset.forName(charsetName));
  }
}
