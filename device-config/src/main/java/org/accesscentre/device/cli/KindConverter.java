package org.accesscentre.device.cli;

import java.util.Arrays;
import java.util.Iterator;
import org.accesscentre.device.bundle.BundleKind;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --kind catalogue|config|release}, spelt as in manifests. */
final class KindConverter implements ITypeConverter<BundleKind>, Iterable<String> {
    @Override
    public BundleKind convert(String value) {
        return BundleKind.fromJson(value)
                .orElseThrow(() -> new TypeConversionException("must be catalogue, config or release"));
    }

    /** The completion candidates shown in help. */
    @Override
    public Iterator<String> iterator() {
        return Arrays.stream(BundleKind.values()).map(BundleKind::jsonName).iterator();
    }
}
