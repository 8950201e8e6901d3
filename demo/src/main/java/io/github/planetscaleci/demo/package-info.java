/** planetscale-ci demo. */
package io.github.planetscaleci.demo;
