/**
 * The JSON records of the {@code /api/v1} contract, shared by the portal and the sync daemon so neither has
 * its own copy of a shape. Every record ignores unknown properties, so an older kiosk keeps working with a
 * newer portal; {@code WireRecordsTest} enforces it. Enums read an unknown value as their fallback constant.
 * The contract itself is {@code docs/api/openapi.yaml}.
 */
@NullMarked
package org.accesscentre.core.wire;

import org.jspecify.annotations.NullMarked;
