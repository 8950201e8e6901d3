/**
 * Reports of workflow outcomes: Markdown for pull-request comments and job or build summaries, and
 * plain text for logs; untrusted text is escaped and secrets never reach a report.
 */
package io.github.planetscaleci.core.report;
