package io.github.planetscaleci.core.internal.http;

import io.github.planetscaleci.core.model.DatabaseRef;
import okhttp3.HttpUrl;

/**
 * One logical API request: what it is (for messages), where it goes and what may be retried.
 *
 * @param body the JSON body, or null for none
 * @param what a phrase for messages, e.g. {@code creating branch ci-pr-12 of acme/app}
 * @param branch the branch involved, named in a 404 hint; may be null
 */
record ApiCall(
    String method,
    HttpUrl url,
    byte[] body,
    String what,
    DatabaseRef database,
    String branch,
    Kind kind) {

  /** How a failed attempt may be repeated. */
  enum Kind {
    /** A read: repeated freely. */
    READ,
    /** Creates a resource: after an ambiguous failure, look for it before repeating. */
    CREATE,
    /** Changes state (deploy, close, ...): after an ambiguous failure, check the state first. */
    ACTION,
    /** A delete: a 404 after an ambiguous failure means the earlier attempt worked. */
    DELETE
  }

  /** Never shows the body, which may carry credentials in a response-bound flow. */
  @Override
  public String toString() {
    return "ApiCall[" + method + " " + url.encodedPath() + ", " + what + "]";
  }
}
