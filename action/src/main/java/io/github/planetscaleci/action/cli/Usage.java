package io.github.planetscaleci.action.cli;

import io.github.planetscaleci.action.command.Option;
import io.github.planetscaleci.action.command.Output;
import io.github.planetscaleci.action.command.Verb;

/** The CLI's help text, generated from the option and output tables. */
final class Usage {
  private Usage() {}

  static String text(Verb verb) {
    StringBuilder b = new StringBuilder();
    if (verb == null) {
      b.append("Usage: planetscale-ci <command> [options] [--format dotenv|json]\n\n");
      b.append("Ephemeral PlanetScale branches and deploy requests for any CI.\n\nCommands:\n");
      for (Verb v : Verb.values()) {
        b.append(String.format("  %-15s %s%n", v.id(), v.summary()));
      }
      b.append("\nRun `planetscale-ci <command> --help` for its options.\n");
      b.append("Credentials: PLANETSCALE_ORG, PLANETSCALE_SERVICE_TOKEN_ID, ");
      b.append("PLANETSCALE_SERVICE_TOKEN, PLANETSCALE_API_URL.\n");
      b.append("Other: --help, --version. Exit codes: 0 ok, 2 bad input, 4 unauthorized, ");
      b.append("10 timeout, 20-24 gates (see README).\n");
      return b.toString();
    }
    b.append("Usage: planetscale-ci ").append(verb.id()).append(" [options]\n\n");
    b.append(verb.summary()).append("\n\nOptions:\n");
    for (Option o : Option.values()) {
      if (o.verbs().contains(verb) && o != Option.COMMENT && o != Option.GITHUB_TOKEN) {
        String def = o.actionDefault().isEmpty() ? "" : " [default: " + o.actionDefault() + "]";
        b.append(String.format("  --%-18s %s%s%n", o.id(), o.description().replace("`", ""), def));
      }
    }
    b.append("  --format           dotenv (KEY=value lines, the default) or json\n");
    b.append("\nOutputs (stdout):");
    for (Output out : Output.values()) {
      if (out.verbs().contains(verb)) {
        b.append(' ').append(out.envKey());
      }
    }
    b.append('\n');
    if (verb != Verb.SWEEP) {
      b.append("\n--branch is required outside GitHub Actions.\n");
    }
    if (verb == Verb.CLOSE_BRANCH) {
      b.append("A branch this tool did not create (no lease of this machine says so, and the\n");
      b.append("name is not a generated ci-... one) is deleted only with --force; production\n");
      b.append("and default branches never are.\n");
    }
    if (verb == Verb.DEPLOY_REQUEST) {
      b.append("--deploy auto previews outside GitHub Actions (there is no merge event);\n");
      b.append("pass --deploy always in the pipeline of your main branch.\n");
    }
    return b.toString();
  }
}
