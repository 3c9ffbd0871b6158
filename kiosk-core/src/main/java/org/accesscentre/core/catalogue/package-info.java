/**
 * The service catalogue: categories, agencies, services and their forms, in every locale the ICT office
 * publishes. Read from JSON by {@link org.accesscentre.core.catalogue.CatalogueReader}; the format is
 * documented in {@code docs/catalogue.schema.json}.
 */
@NullMarked
package org.accesscentre.core.catalogue;

import org.jspecify.annotations.NullMarked;
