package io.github.planetscaleci.jenkins;

import hudson.model.Item;
import hudson.model.ItemGroup;
import hudson.model.Job;
import hudson.model.Run;
import java.io.File;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** Minimal job and build doubles built on the stubs' Jenkins-free constructors. */
final class FakeJenkins {
  private FakeJenkins() {}

  /** A build {@code number} of job {@code folder/name}. */
  static FakeRun run(String folder, String name, int number) {
    return new FakeRun(new FakeJob(new Folder(folder), name), number);
  }

  static final class FakeJob extends Job<FakeJob, FakeRun> {
    FakeJob(ItemGroup<? extends Item> parent, String name) {
      super(parent, name);
    }
  }

  static final class FakeRun extends Run<FakeJob, FakeRun> {
    final AtomicInteger saves = new AtomicInteger();

    /** Runs after each save, with what build.xml would now hold (e.g. to simulate a kill). */
    volatile Consumer<FakeRun> afterSave = r -> {};

    FakeRun(FakeJob job, int number) {
      super(job, 0L);
      this.number = number;
    }

    /** Counts instead of writing build.xml. */
    @Override
    public synchronized void save() {
      saves.incrementAndGet();
      afterSave.accept(this);
    }
  }

  static final class Folder implements ItemGroup<Item> {
    private final String name;

    Folder(String name) {
      this.name = name;
    }

    @Override
    public String getFullName() {
      return name;
    }

    @Override
    public String getFullDisplayName() {
      return name;
    }

    @Override
    public Collection<Item> getItems() {
      return List.of();
    }

    @Override
    public String getUrl() {
      return name.isEmpty() ? "" : "job/" + name + "/";
    }

    @Override
    public String getUrlChildPrefix() {
      return "job";
    }

    @Override
    public Item getItem(String n) {
      return null;
    }

    @Override
    public File getRootDirFor(Item child) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void onDeleted(Item item) {}

    @Override
    public File getRootDir() {
      throw new UnsupportedOperationException();
    }

    @Override
    public void save() {}

    @Override
    public String getDisplayName() {
      return name;
    }
  }
}
