/** planetscale-ci emulator. */
package io.github.planetscaleci.emulator;
