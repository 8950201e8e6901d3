package io.github.planetscaleci.core.workflow;

import io.github.planetscaleci.core.error.ApiException;
import io.github.planetscaleci.core.error.ErrorCode;

/** Which API failures leave open whether the server carried out the request. */
final class Outcomes {
  private Outcomes() {}

  /** True when the request may have taken effect although no success was seen. */
  static boolean unknown(ApiException e) {
    return e.code() == ErrorCode.TIMEOUT
        || e.code() == ErrorCode.TRANSPORT_ERROR
        || e.code() == ErrorCode.SERVER_ERROR;
  }
}
