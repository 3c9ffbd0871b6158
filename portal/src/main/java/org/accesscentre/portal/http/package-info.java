/**
 * The HTTP layer: Javalin on Jetty, routes under {@code /api/v1} as described in {@code docs/api/openapi.yaml},
 * errors as {@code {code, message, details}}, bounded request bodies, JSON request logs without personal
 * data, and Prometheus metrics.
 */
@NullMarked
package org.accesscentre.portal.http;

import org.jspecify.annotations.NullMarked;
