package org.accesscentre.device.bundle;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/** Writes an archive in the {@link ZipLayout}, asking each entry to write its own bytes. */
final class ZipWriter {
    /**
     * The bytes of one entry. They must be exactly what the layout says: each implementation checks the
     * digest of what it wrote, since a source file can change while it is being copied.
     */
    interface Content {
        void writeTo(OutputStream out) throws IOException, BundleException;
    }

    private ZipWriter() {}

    static void write(OutputStream out, ZipLayout layout, List<Content> contents) throws IOException, BundleException {
        if (contents.size() != layout.size()) {
            throw new IllegalArgumentException(layout.size() + " entries but " + contents.size() + " contents");
        }
        for (int i = 0; i < layout.size(); i++) {
            out.write(layout.localHeader(i));
            Counting counting = new Counting(out);
            contents.get(i).writeTo(counting);
            if (counting.count != layout.entry(i).size()) {
                throw new IllegalStateException(layout.entry(i).name() + ": wrote " + counting.count
                        + " bytes, the layout says " + layout.entry(i).size());
            }
        }
        out.write(layout.centralDirectoryAndEnd());
    }

    /** Counts without closing the stream underneath. */
    private static final class Counting extends FilterOutputStream {
        private long count;

        Counting(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
