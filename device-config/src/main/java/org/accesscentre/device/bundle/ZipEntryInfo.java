package org.accesscentre.device.bundle;

/**
 * An entry as found in an archive's central directory and local header.
 *
 * @param dataOffset where the stored bytes begin, after the local header
 */
record ZipEntryInfo(String name, int crc32, long size, long headerOffset, long dataOffset) {}
