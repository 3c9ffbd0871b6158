package org.accesscentre.core.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The portal's answer to an {@link EventBatch}: it has every event of the batch now.
 *
 * @param stored events new to the portal
 * @param duplicates events it had already, from an earlier send whose answer was lost
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EventBatchResult(int stored, int duplicates) {}
