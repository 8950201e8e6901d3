/** Immutable values read from and sent to the PlanetScale API; depends on the JDK only. */
package io.github.planetscaleci.core.model;
