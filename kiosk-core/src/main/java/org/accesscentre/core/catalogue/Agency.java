package org.accesscentre.core.catalogue;

/** The government body that processes a service's requests and sends their status back. */
public record Agency(String id, LocalizedText name) {}
