package hudson.util;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.ModelObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;

/**
 * Stand-in for Jenkins core's {@code hudson.util.ListBoxModel}: the options of a drop-down (Stapler
 * {@code HttpResponse} supertype and export annotations omitted).
 */
public class ListBoxModel extends ArrayList<ListBoxModel.Option> {
  private static final long serialVersionUID = 1L;

  public ListBoxModel() {}

  public ListBoxModel(int initialCapacity) {
    super(initialCapacity);
  }

  public ListBoxModel(Collection<Option> c) {
    super(c);
  }

  public ListBoxModel(Option... data) {
    super(Arrays.asList(data));
  }

  public void add(@NonNull String displayName, @NonNull String value) {
    add(new Option(displayName, value));
  }

  public void add(ModelObject usedForDisplayName, @NonNull String value) {
    add(usedForDisplayName.getDisplayName(), value);
  }

  /** Adds an option whose name and value are the same; returns this for chaining. */
  public ListBoxModel add(@NonNull String nameAndValue) {
    add(nameAndValue, nameAndValue);
    return this;
  }

  public String[] values() {
    return stream().map(o -> o.value).toArray(String[]::new);
  }

  /** One option of the drop-down. */
  public static final class Option {
    @NonNull public String name;
    @NonNull public String value;
    public boolean selected;

    public Option(@NonNull String name, @NonNull String value) {
      this(name, value, false);
    }

    public Option(@NonNull String name) {
      this(name, name);
    }

    public Option(@NonNull String name, @NonNull String value, boolean selected) {
      this.name = name;
      this.value = value;
      this.selected = selected;
    }

    @Override
    public String toString() {
      return name + "=" + value + (selected ? "[selected]" : "");
    }
  }
}
