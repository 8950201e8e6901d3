/**
 * GitHub integration: one sticky pull-request comment per database, the merged pull request of a
 * pushed commit, and commit statuses; the GitHub client is built only when a method is called.
 */
package io.github.planetscaleci.core.github;
