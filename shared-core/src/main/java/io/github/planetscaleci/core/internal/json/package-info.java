/** JSON mapping of the API's bodies onto the annotation-free model records. */
package io.github.planetscaleci.core.internal.json;
