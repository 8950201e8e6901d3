/** Events that workflows emit and the listener interface wrappers implement. */
package io.github.planetscaleci.core.event;
