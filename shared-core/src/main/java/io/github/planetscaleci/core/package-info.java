/** planetscale-ci core. */
package io.github.planetscaleci.core;
