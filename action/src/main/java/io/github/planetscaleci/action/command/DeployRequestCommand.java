package io.github.planetscaleci.action.command;

import io.github.planetscaleci.core.workflow.DeployMode;
import io.github.planetscaleci.core.workflow.DeployRequestOptions;
import io.github.planetscaleci.core.workflow.DeployRequestOutcome;
import io.github.planetscaleci.core.workflow.WaitPolicy;
import java.util.EnumMap;
import java.util.Map;

/** The {@code deploy-request} command: a preview (closed afterwards) or a gated deploy. */
public final class DeployRequestCommand {
  private DeployRequestCommand() {}

  /** Runs the workflow in the given mode. */
  public static DeployRequestOutcome run(
      Options options, Session session, String branch, DeployMode mode, String notes) {
    WaitPolicy wait = WaitPolicy.withTimeout(options.duration(Option.WAIT_TIMEOUT));
    return session
        .workflows()
        .deployRequest(
            new DeployRequestOptions(
                session.database(),
                branch,
                options.branchName(Option.INTO),
                mode,
                options.flag(Option.ALLOW_DATA_LOSS),
                false,
                true,
                options.flag(Option.SKIP_REVERT),
                mode == DeployMode.PREVIEW,
                notes,
                wait,
                wait));
  }

  /** The outputs of an outcome. */
  public static Map<Output, String> outputs(DeployRequestOutcome outcome) {
    Map<Output, String> out = new EnumMap<>(Output.class);
    out.put(Output.BRANCH, outcome.request().branch());
    out.put(Output.DEPLOY_REQUEST_NUMBER, Integer.toString(outcome.request().number()));
    out.put(Output.DEPLOY_REQUEST_URL, nullToEmpty(outcome.request().htmlUrl()));
    out.put(Output.DEPLOYMENT_STATE, outcome.finalState().apiValue());
    out.put(Output.CAN_DROP_DATA, Boolean.toString(outcome.canDropData()));
    return out;
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
