package org.accesscentre.portal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.accesscentre.portal.http.ByteRange.Outcome;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Range headers a release download may meet, on a body of 1000 bytes (RFC 9110, section 14). */
class ByteRangeTest {
    @ParameterizedTest(name = "{0} -> {1} {2}-{3}")
    @CsvSource(
            delimiter = '|',
            nullValues = "NULL",
            value = {
                "NULL             | WHOLE         | 0   | 999",
                "bytes=0-         | PART          | 0   | 999",
                "bytes=500-       | PART          | 500 | 999",
                "bytes=999-       | PART          | 999 | 999",
                "bytes=10-19      | PART          | 10  | 19",
                "bytes=10-10      | PART          | 10  | 10",
                "bytes=990-5000   | PART          | 990 | 999",
                "bytes=-100       | PART          | 900 | 999",
                "bytes=-5000      | PART          | 0   | 999",
                "' Bytes = 7-8 '  | PART          | 7   | 8",
                "bytes=1000-      | UNSATISFIABLE | 0   | -1",
                "bytes=1000-1200  | UNSATISFIABLE | 0   | -1",
                "bytes=-0         | UNSATISFIABLE | 0   | -1",
                "bytes=19-10      | WHOLE         | 0   | 999",
                "bytes=0-1,5-6    | WHOLE         | 0   | 999",
                "bytes=           | WHOLE         | 0   | 999",
                "bytes=a-b        | WHOLE         | 0   | 999",
                "bytes=1234567890123456789- | WHOLE | 0 | 999",
                "items=0-5        | WHOLE         | 0   | 999",
                "garbage          | WHOLE         | 0   | 999",
            })
    void aRangeHeaderIsReadAsTheRfcSays(String header, Outcome outcome, long first, long last) {
        assertEquals(new ByteRange(outcome, first, last), ByteRange.of(header, 1000));
    }
}
