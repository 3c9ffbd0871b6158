/**
 * The central portal. {@link org.accesscentre.portal.Portal} assembles it; {@code PortalMain} runs it.
 * Everything a second instance would need lives in the database, so several portals can run behind one
 * load balancer on PostgreSQL.
 */
@NullMarked
package org.accesscentre.portal;

import org.jspecify.annotations.NullMarked;
