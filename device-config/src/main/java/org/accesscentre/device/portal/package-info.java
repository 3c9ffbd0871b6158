/**
 * The portal's admin and agency API as kioskctl calls it. {@link ConnectionSettings} finds which portal and
 * which token (options, then environment variables, then an owner-only env file), {@link Connection} checks
 * them, and {@link PortalClient} has one method per route over the JDK's HTTP client. Answers stay JSON
 * trees: the records the portal writes live in the portal module, which device-config cannot depend on.
 */
@NullMarked
package org.accesscentre.device.portal;

import org.jspecify.annotations.NullMarked;
