/** planetscale-ci jenkins. */
package io.github.planetscaleci.jenkins;
