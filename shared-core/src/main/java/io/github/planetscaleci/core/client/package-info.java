/** The PlanetScale API client: settings, credentials, retries and one interface per resource. */
package io.github.planetscaleci.core.client;
