package io.github.planetscaleci.core.error;

/** The user's settings or arguments are invalid; the message says which and how to fix them. */
public final class ConfigurationException extends PlanetScaleCiException {
  public ConfigurationException(String message) {
    super(ErrorCode.CONFIGURATION, message, null);
  }
}
