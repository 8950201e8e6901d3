package io.github.planetscaleci.jenkins;

import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.model.Item;
import hudson.util.ListBoxModel;
import io.github.planetscaleci.core.model.PasswordRole;
import java.util.List;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * The credentials drop-downs of the forms, following the credentials plugin's consumer guide: only
 * users who may configure (or use) the item see the list; others see the current value only.
 */
final class CredentialsListing {
  private CredentialsListing() {}

  static ListBoxModel fill(Item item, String credentialsId) {
    StandardListBoxModel result = new StandardListBoxModel();
    String current = credentialsId == null ? "" : credentialsId;
    if (item == null) {
      if (!Jenkins.get().hasPermission(Jenkins.ADMINISTER)) {
        return result.includeCurrentValue(current);
      }
    } else if (!item.hasPermission(Item.EXTENDED_READ)
        && !item.hasPermission(CredentialsProvider.USE_ITEM)) {
      return result.includeCurrentValue(current);
    }
    return result
        .includeEmptyValue()
        .includeMatching(
            item,
            StandardCredentials.class,
            List.of(),
            CredentialsMatchers.anyOf(
                CredentialsMatchers.instanceOf(StandardUsernamePasswordCredentials.class),
                CredentialsMatchers.instanceOf(StringCredentials.class)))
        .includeCurrentValue(current);
  }

  /** The password roles, as the API spells them, admin first (the default). */
  static ListBoxModel roles() {
    ListBoxModel m = new ListBoxModel();
    m.add("admin", "admin");
    for (PasswordRole r : PasswordRole.values()) {
      if (r != PasswordRole.ADMIN) {
        m.add(r.apiValue(), r.apiValue());
      }
    }
    return m;
  }
}
