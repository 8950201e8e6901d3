/** The verbs users think in: open and close a branch, preview or deploy a deploy request, sweep. */
package io.github.planetscaleci.core.workflow;
