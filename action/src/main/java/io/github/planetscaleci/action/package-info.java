/** planetscale-ci action. */
package io.github.planetscaleci.action;
