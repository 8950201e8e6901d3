/**
 * Jenkins Pipeline steps for planetscale-ci: translate step arguments, credentials and the build
 * log into shared-core calls, and nothing more.
 */
package io.github.planetscaleci.jenkins;
