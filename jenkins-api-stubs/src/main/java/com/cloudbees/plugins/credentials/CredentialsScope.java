package com.cloudbees.plugins.credentials;

/** Stand-in for the credentials plugin's {@code CredentialsScope}. */
public enum CredentialsScope {
  SYSTEM,
  GLOBAL,
  USER
}
