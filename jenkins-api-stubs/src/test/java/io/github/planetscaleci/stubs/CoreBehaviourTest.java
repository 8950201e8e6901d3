package io.github.planetscaleci.stubs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.ExtensionList;
import hudson.console.ConsoleLogFilter;
import hudson.model.Run;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.List;
import jenkins.model.GlobalConfiguration;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.workflow.steps.BodyInvoker;
import org.junit.jupiter.api.Test;

class CoreBehaviourTest {

  @Test
  void thereIsNoJenkinsSoLookupsBehaveAsBeforeStartup() {
    assertThat(Jenkins.getInstanceOrNull()).isNull();
    assertThatThrownBy(Jenkins::get).isInstanceOf(IllegalStateException.class);
    assertThat(ExtensionList.lookup(GlobalConfiguration.class)).isEmpty();
    assertThatThrownBy(() -> ExtensionList.lookupSingleton(GlobalConfiguration.class))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void formValidationEscapesAndKeepsKind() {
    FormValidation e = FormValidation.error("bad <org> & %s", "x");
    assertThat(e.kind).isEqualTo(FormValidation.Kind.ERROR);
    assertThat(e.getMessage()).isEqualTo("bad &lt;org&gt; &amp; x");
    assertThat(e.renderHtml()).isEqualTo("<div class=error>bad &lt;org&gt; &amp; x</div>");
    assertThat(FormValidation.ok().kind).isEqualTo(FormValidation.Kind.OK);
    assertThat(FormValidation.validateRequired("  ").kind).isEqualTo(FormValidation.Kind.ERROR);
    assertThat(
            FormValidation.aggregate(List.of(FormValidation.warning("w"), FormValidation.ok("k")))
                .kind)
        .isEqualTo(FormValidation.Kind.WARNING);
  }

  @Test
  void listBoxModelAddsOptions() {
    ListBoxModel m = new ListBoxModel().add("a");
    m.add("Name", "value");
    assertThat(m.values()).containsExactly("a", "value");
    assertThat(m.get(1).name).isEqualTo("Name");
  }

  /** A filter overriding only the Run overload, as the plugin's masking filter might. */
  static final class Upper extends ConsoleLogFilter implements Serializable {
    private static final long serialVersionUID = 1L;
    private final String tag;

    Upper(String tag) {
      this.tag = tag;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public OutputStream decorateLogger(Run build, OutputStream logger) {
      return new FilterOutputStream(logger) {
        @Override
        public void write(byte[] b, int off, int len) throws IOException {
          out.write(
              (tag + new String(b, off, len, StandardCharsets.UTF_8))
                  .getBytes(StandardCharsets.UTF_8));
        }
      };
    }
  }

  @Test
  @SuppressWarnings("deprecation")
  void mergedConsoleFiltersDecorateWithNullBuildInOrder() throws Exception {
    ConsoleLogFilter merged = BodyInvoker.mergeConsoleLogFilters(new Upper("1"), new Upper("2"));
    assertThat(merged).isInstanceOf(Serializable.class);
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    OutputStream out = merged.decorateLogger((hudson.model.AbstractBuild) null, sink);
    out.write("x".getBytes(StandardCharsets.UTF_8), 0, 1);
    // subsequent wraps original: text passes "2" first, then "1", then reaches the sink
    assertThat(sink.toString(StandardCharsets.UTF_8)).isEqualTo("12x");
  }
}
