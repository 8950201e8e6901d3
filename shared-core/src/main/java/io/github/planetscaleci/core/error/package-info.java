/** The sealed exception family and its stable error codes. */
package io.github.planetscaleci.core.error;
