package io.github.planetscaleci.action.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.planetscaleci.action.command.Output;
import io.github.planetscaleci.core.error.ConfigurationException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** How the CLI prints outputs: dotenv lines ({@code DATABASE_URL=...}) or one JSON object. */
enum OutputFormat {
  DOTENV,
  JSON;

  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:@,+-]*");

  static OutputFormat parse(String value) {
    try {
      return valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException("--format must be dotenv or json, got '" + value + "'");
    }
  }

  /** Renders the outputs; JSON keys are the dotenv keys in lower case, e.g. database_url. */
  static String render(OutputFormat format, Map<Output, String> outputs) {
    if (format == JSON) {
      ObjectMapper mapper = new ObjectMapper();
      ObjectNode node = mapper.createObjectNode();
      outputs.forEach((k, v) -> node.put(k.envKey().toLowerCase(Locale.ROOT), v));
      try {
        return mapper.writeValueAsString(node) + "\n";
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }
    StringBuilder b = new StringBuilder();
    outputs.forEach((k, v) -> b.append(k.envKey()).append('=').append(quote(v)).append('\n'));
    return b.toString();
  }

  /** Single-quotes values with shell or dotenv metacharacters; {@code '} becomes {@code '\''}. */
  static String quote(String v) {
    return PLAIN.matcher(v).matches() ? v : "'" + v.replace("'", "'\\''") + "'";
  }
}
