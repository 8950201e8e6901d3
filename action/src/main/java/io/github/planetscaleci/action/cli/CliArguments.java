package io.github.planetscaleci.action.cli;

import io.github.planetscaleci.action.command.Option;
import io.github.planetscaleci.action.command.Verb;
import io.github.planetscaleci.core.error.ConfigurationException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * A parsed command line: {@code <command> [--name value | --name=value | --flag]... [--format
 * dotenv|json]}, or {@code --help} / {@code --version}. Flags come from {@link Option}, so the CLI
 * and the action accept the same settings.
 */
record CliArguments(
    Verb verb, Map<Option, String> values, OutputFormat format, boolean help, boolean version) {

  /** Options that only make sense inside a workflow run. */
  private static final Set<Option> ACTION_ONLY =
      Set.of(Option.COMMAND, Option.COMMENT, Option.GITHUB_TOKEN);

  static CliArguments parse(String... args) {
    if (args.length == 0) {
      return new CliArguments(null, Map.of(), OutputFormat.DOTENV, true, false);
    }
    if (args[0].equals("--version") || args[0].equals("-V")) {
      return new CliArguments(null, Map.of(), OutputFormat.DOTENV, false, true);
    }
    if (args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
      Verb v = args.length > 1 ? verb(args[1]) : null;
      return new CliArguments(v, Map.of(), OutputFormat.DOTENV, true, false);
    }
    Verb verb = verb(args[0]);
    Map<Option, String> values = new EnumMap<>(Option.class);
    OutputFormat format = OutputFormat.DOTENV;
    for (int i = 1; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--help") || arg.equals("-h")) {
        return new CliArguments(verb, Map.of(), format, true, false);
      }
      if (!arg.startsWith("--") || arg.length() == 2) {
        throw new ConfigurationException(
            "unexpected argument '" + arg + "': options look like --database app");
      }
      String name = arg.substring(2);
      String value = null;
      int eq = name.indexOf('=');
      if (eq >= 0) {
        value = name.substring(eq + 1);
        name = name.substring(0, eq);
      }
      if (name.equals("format")) {
        value = value != null ? value : next(args, ++i, name);
        format = OutputFormat.parse(value);
        continue;
      }
      Option o = Option.byId(name);
      if (o == null || ACTION_ONLY.contains(o)) {
        throw new ConfigurationException(
            "unknown option --" + name + " for " + verb.id() + "; see " + verb.id() + " --help");
      }
      if (!o.verbs().contains(verb)) {
        throw new ConfigurationException(
            "option --"
                + name
                + " does not apply to "
                + verb.id()
                + "; see "
                + verb.id()
                + " --help");
      }
      if (value == null) {
        boolean isFlag = "false".equals(o.actionDefault());
        boolean nextIsValue = i + 1 < args.length && !args[i + 1].startsWith("--");
        // A bare boolean flag means true; `--keep-branch false` still works.
        value = isFlag && !nextIsValue ? "true" : next(args, ++i, name);
      }
      values.put(o, value);
    }
    return new CliArguments(verb, values, format, false, false);
  }

  private static Verb verb(String name) {
    try {
      return Verb.parse(name);
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException(e.getMessage());
    }
  }

  private static String next(String[] args, int i, String name) {
    if (i >= args.length) {
      throw new ConfigurationException("option --" + name + " needs a value");
    }
    return args[i];
  }
}
