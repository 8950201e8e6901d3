/**
 * The OkHttp transport, retries, error mapping and endpoint implementations of the client.
 *
 * <p>Decisions worth knowing before changing this package:
 *
 * <ul>
 *   <li>One {@code OkHttpClient} per client, with OkHttp's own connection-failure retry off: every
 *       repeat is decided by {@link io.github.planetscaleci.core.internal.http.Transport}, so a
 *       create is never sent twice behind our back.
 *   <li>Retried: 429, 502, 503, 504 and I/O failures, with full-jitter exponential backoff inside
 *       the policy's attempts and total deadline. A {@code Retry-After} (seconds or HTTP date) is
 *       honoured; one that reaches past the deadline ends the call at once, since an earlier retry
 *       would only be refused again. An interrupted thread is never retried.
 *   <li>Ambiguous failures (I/O after connecting, 5xx) of creates and state changes are followed by
 *       a look-up before any repeat: a branch by name, an open deploy request for the same branch
 *       and target, the deploy request's state for deploy/cutover/cancel/revert/close; a password
 *       of the same name is deleted (its secret is lost) and created again. A delete that answers
 *       404 after an ambiguous attempt succeeded.
 *   <li>422 maps to INVALID_INPUT, except {@code schema_mutation_blocked}/{@code conflict} codes
 *       and "already exists"/"already been taken" messages, which are CONFLICT (a state the caller
 *       can wait out or reuse).
 *   <li>{@code Authorization} is added by a network interceptor only for the API's own origin, so
 *       no redirect hop to another host or port carries it; https-to-http redirects are refused.
 *   <li>Messages never quote a success body (it may hold a password) and pass through {@code
 *       Redactor}, which removes the configured token and anything shaped like a PlanetScale
 *       secret, in case a server echoes a request back.
 * </ul>
 */
package io.github.planetscaleci.core.internal.http;
