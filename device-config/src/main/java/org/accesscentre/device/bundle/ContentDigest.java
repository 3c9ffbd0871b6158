package org.accesscentre.device.bundle;

/**
 * What a bundle needs to know about one file's bytes, computed in one pass.
 *
 * @param sha256 lower-case hex, for the manifest
 * @param crc32 for the ZIP headers
 */
record ContentDigest(long size, String sha256, int crc32) {}
