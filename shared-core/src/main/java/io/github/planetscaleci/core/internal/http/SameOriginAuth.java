package io.github.planetscaleci.core.internal.http;

import java.io.IOException;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Adds {@code Authorization} to requests bound for the API's own origin only.
 *
 * <p>A network interceptor sees every hop, including redirects; checking the origin here (as the Go
 * client's same-host redirect check does) means a redirect to another host never carries the token,
 * whatever OkHttp's own follow-up rules are.
 */
final class SameOriginAuth implements Interceptor {
  private final HttpUrl origin;
  private final String authorization;

  SameOriginAuth(HttpUrl base, String authorization) {
    this.origin = base;
    this.authorization = authorization;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    HttpUrl url = request.url();
    Request.Builder out = request.newBuilder().removeHeader("Authorization");
    if (url.scheme().equals(origin.scheme())
        && url.host().equals(origin.host())
        && url.port() == origin.port()) {
      out.header("Authorization", authorization);
    }
    return chain.proceed(out.build());
  }

  @Override
  public String toString() {
    return "SameOriginAuth[" + origin.host() + "]";
  }
}
