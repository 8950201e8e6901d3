package io.github.planetscaleci.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.Extension;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.java.sezpoz.Index;
import net.java.sezpoz.IndexItem;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/** What Pipeline, the Snippet Generator and JCasC read from the classes and resources. */
class DescriptorTest {

  @Test
  void stepDescriptorsNameTheStepsAndNeedOnlyRunAndTaskListener() {
    StepDescriptor branch = new PlanetScaleBranchStep.DescriptorImpl();
    StepDescriptor deploy = new PlanetScaleDeployRequestStep.DescriptorImpl();
    StepDescriptor sweep = new PlanetScaleSweepStep.DescriptorImpl();
    assertThat(branch.getFunctionName()).isEqualTo("withPlanetScaleBranch");
    assertThat(deploy.getFunctionName()).isEqualTo("planetscaleDeployRequest");
    assertThat(sweep.getFunctionName()).isEqualTo("planetscaleSweep");
    assertThat(branch.takesImplicitBlockArgument()).isTrue();
    assertThat(deploy.takesImplicitBlockArgument()).isFalse();
    assertThat(sweep.takesImplicitBlockArgument()).isFalse();
    for (StepDescriptor d : List.of(branch, deploy, sweep)) {
      // No Launcher or FilePath: Declarative offers the block in options {}, and no node is needed.
      assertThat(Set.<Class<?>>copyOf(d.getRequiredContext()))
          .isEqualTo(Set.of(Run.class, TaskListener.class));
      assertThat(d.clazz.getName()).isEqualTo(d.getClass().getEnclosingClass().getName());
      Symbol symbol = d.getClass().getAnnotation(Symbol.class);
      assertThat(symbol.value()).containsExactly(d.getFunctionName());
      assertThat(d.getDisplayName()).isNotBlank();
    }
    assertThat(Set.<Class<?>>copyOf(branch.getProvidedContext()))
        .isEqualTo(Set.of(ActiveBranch.class));
  }

  @Test
  void globalConfigurationHasASymbolAFormAndTrimsValues() {
    Symbol symbol = PlanetScaleGlobalConfiguration.class.getAnnotation(Symbol.class);
    assertThat(symbol.value()).containsExactly("planetScale");
    PlanetScaleGlobalConfiguration g = new PlanetScaleGlobalConfiguration(false);
    // JCasC only exports descriptors that have a global config page.
    assertThat(g.getGlobalConfigPage())
        .isEqualTo("/io/github/planetscaleci/jenkins/PlanetScaleGlobalConfiguration/config.jelly");
    g.setOrganization(" acme ");
    g.setCredentialsId("");
    g.setApiUrl(" http://127.0.0.1:1/v1");
    assertThat(g.getOrganization()).isEqualTo("acme");
    assertThat(g.getCredentialsId()).isNull();
    assertThat(g.getApiUrl()).isEqualTo("http://127.0.0.1:1/v1");
  }

  @Test
  void everyExtensionIsInTheSezPozIndex() {
    Set<String> indexed = new TreeSet<>();
    for (IndexItem<Extension, Object> item :
        Index.load(Extension.class, Object.class, getClass().getClassLoader())) {
      indexed.add(item.className());
    }
    assertThat(indexed)
        .contains(
            PlanetScaleBranchStep.DescriptorImpl.class.getName(),
            PlanetScaleDeployRequestStep.DescriptorImpl.class.getName(),
            PlanetScaleSweepStep.DescriptorImpl.class.getName(),
            PlanetScaleGlobalConfiguration.class.getName(),
            SafetyNet.class.getName());
  }

  @ParameterizedTest
  @ValueSource(
      classes = {
        PlanetScaleBranchStep.class,
        PlanetScaleDeployRequestStep.class,
        PlanetScaleSweepStep.class,
        PlanetScaleGlobalConfiguration.class
      })
  void everyOptionHasAHelpFileAFormFieldAndAGetter(Class<?> type) throws Exception {
    Set<String> options = options(type);
    assertThat(options).isNotEmpty();
    String jelly = resource(type, "config.jelly");
    Set<String> fields = new TreeSet<>();
    Matcher m = Pattern.compile("field=\"([^\"]+)\"").matcher(jelly);
    while (m.find()) {
      fields.add(m.group(1));
    }
    assertThat(fields).isEqualTo(options);
    for (String option : options) {
      assertThat(resource(type, "help-" + option + ".html"))
          .as("help-%s.html", option)
          .startsWith("<div>");
      String cap = Character.toUpperCase(option.charAt(0)) + option.substring(1);
      assertThat(hasMethod(type, "get" + cap) || hasMethod(type, "is" + cap))
          .as("getter of %s", option)
          .isTrue();
    }
    if (type != PlanetScaleGlobalConfiguration.class) {
      assertThat(resource(type, "help.html")).startsWith("<div>");
    }
    assertThat(resource(type, "config.jelly")).startsWith("<?jelly escape-by-default='true'?>");
  }

  @Test
  void pluginHasAnIndexJellyAndTheSummaryView() throws Exception {
    try (InputStream in = getClass().getClassLoader().getResourceAsStream("index.jelly")) {
      assertThat(in).isNotNull();
    }
    assertThat(resource(DeployRequestSummaryAction.class, "summary.jelly")).contains("${it.text}");
  }

  /** Constructor parameters and setters: the step's named arguments. */
  private static Set<String> options(Class<?> type) {
    Set<String> out = new TreeSet<>();
    for (Constructor<?> c : type.getConstructors()) {
      if (c.isAnnotationPresent(DataBoundConstructor.class)) {
        for (Parameter p : c.getParameters()) {
          assertThat(p.isNamePresent()).as("compiled with -parameters").isTrue();
          out.add(p.getName());
        }
      }
    }
    List<Method> setters = new ArrayList<>();
    for (Method method : type.getMethods()) {
      if (method.isAnnotationPresent(DataBoundSetter.class)) {
        setters.add(method);
      }
    }
    for (Method s : setters) {
      String n = s.getName().substring(3);
      out.add(Character.toLowerCase(n.charAt(0)) + n.substring(1));
    }
    return out;
  }

  private static boolean hasMethod(Class<?> type, String name) {
    for (Method m : type.getMethods()) {
      if (m.getName().equals(name) && m.getParameterCount() == 0) {
        return true;
      }
    }
    return false;
  }

  private static String resource(Class<?> type, String name) throws IOException {
    String path = type.getName().replace('.', '/') + "/" + name;
    try (InputStream in = type.getClassLoader().getResourceAsStream(path)) {
      assertThat(in).as(path).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
