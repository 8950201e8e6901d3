package hudson.model;

import java.io.File;
import java.io.IOException;
import java.util.Collection;

/** Stand-in for Jenkins core's {@code hudson.model.ItemGroup} (subset). */
public interface ItemGroup<T extends Item> extends PersistenceRoot, ModelObject {
  String getFullName();

  String getFullDisplayName();

  Collection<T> getItems();

  String getUrl();

  String getUrlChildPrefix();

  T getItem(String name);

  File getRootDirFor(T child);

  void onDeleted(T item) throws IOException;
}
