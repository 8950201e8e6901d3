/** The OkHttp transport, retries, error mapping and endpoint implementations of the client. */
package io.github.planetscaleci.core.internal.http;
