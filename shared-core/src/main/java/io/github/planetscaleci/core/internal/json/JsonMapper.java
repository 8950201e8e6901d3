package io.github.planetscaleci.core.internal.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper.Builder;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.github.planetscaleci.core.model.DeploymentState;
import java.io.IOException;
import java.util.List;

/**
 * The one Jackson configuration of the client: snake_case, unknown fields ignored, ISO instants.
 *
 * <p>Model records carry no annotations (model depends on the JDK only), so every mapping rule
 * lives here.
 */
public final class JsonMapper {
  private static final ObjectMapper MAPPER = build();

  private JsonMapper() {}

  private static ObjectMapper build() {
    SimpleModule states = new SimpleModule("planetscale-ci-states");
    states.addDeserializer(DeploymentState.class, new DeploymentStateDeserializer());
    Builder builder =
        com.fasterxml.jackson.databind.json.JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .addModule(new JavaTimeModule())
            .addModule(states);
    return builder.build();
  }

  /** The shared, thread-safe mapper. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** Reads a JSON document into {@code type}. */
  public static <T> T read(byte[] json, Class<T> type) throws IOException {
    return MAPPER.readValue(json, type);
  }

  /** Reads the tree of a JSON document. */
  public static JsonNode tree(byte[] json) throws IOException {
    return MAPPER.readTree(json);
  }

  /** Converts one node into {@code type}. */
  public static <T> T convert(JsonNode node, Class<T> type) throws IOException {
    return MAPPER.treeToValue(node, type);
  }

  /** Converts a JSON array node into a list of {@code type}; a missing or null node is empty. */
  public static <T> List<T> convertList(JsonNode node, Class<T> type) throws IOException {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return List.of();
    }
    JavaType listType = MAPPER.getTypeFactory().constructCollectionType(List.class, type);
    List<T> items = MAPPER.treeToValue(node, listType);
    return items.stream().filter(java.util.Objects::nonNull).toList();
  }

  /** A fresh object node for a request body. */
  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  /** Serialises a request body. */
  public static byte[] write(JsonNode body) throws JsonProcessingException {
    return MAPPER.writeValueAsBytes(body);
  }

  /** Maps any string (including values added to the API later) through the model's own parser. */
  private static final class DeploymentStateDeserializer extends JsonDeserializer<DeploymentState> {
    @Override
    public DeploymentState deserialize(JsonParser p, DeserializationContext ctxt)
        throws IOException {
      return DeploymentState.fromApi(p.getValueAsString());
    }

    @Override
    public DeploymentState getNullValue(DeserializationContext ctxt) {
      return DeploymentState.UNKNOWN;
    }
  }
}
