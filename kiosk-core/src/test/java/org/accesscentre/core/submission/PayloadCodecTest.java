package org.accesscentre.core.submission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import org.accesscentre.core.answer.Answer;
import org.accesscentre.core.answer.AnswerCodec;
import org.accesscentre.core.answer.Answers;
import org.accesscentre.core.answer.Stroke;
import org.accesscentre.core.catalogue.Catalogue;
import org.accesscentre.core.catalogue.Service;
import org.accesscentre.core.catalogue.TestCatalogue;
import org.accesscentre.core.json.JsonInputException;
import org.junit.jupiter.api.Test;

class PayloadCodecTest {
    private final Catalogue catalogue = TestCatalogue.load();
    private final Service birth = catalogue.service("birth-certificate").orElseThrow();

    @Test
    void answersOfEveryShapeSurviveTheRoundTrip() throws Exception {
        Answers answers = Answers.empty()
                .with("full-name", new Answer.Text("Marie Joseph"))
                .with("date-of-birth", new Answer.Day(LocalDate.of(1985, 3, 27)))
                .with("for-whom", new Answer.Choice("self"))
                .with("copies", new Answer.Number(new java.math.BigDecimal("2")))
                .with("purposes", new Answer.Choices(List.of("passport", "school")))
                .with("urgent", new Answer.YesNo(false))
                .with("agree", new Answer.YesNo(true), "attendant:marie")
                .with("signature", new Answer.Signature(List.of(new Stroke(new int[] {1, 2, 3, 4}))));
        byte[] encoded = new PayloadCodec().encode("birth-certificate", 3, 7, "fr", answers);
        Payload payload = PayloadCodec.decode(encoded);
        assertEquals("birth-certificate", payload.serviceId());
        assertEquals(3, payload.serviceVersion());
        assertEquals(7, payload.catalogueVersion());
        assertEquals("fr", payload.locale());
        assertEquals(Map.of("agree", "attendant:marie"), payload.enteredBy());
        AnswerCodec.Decoded decoded = AnswerCodec.decode(birth, payload.answers(), payload.enteredBy());
        assertEquals(List.of(), decoded.wrongType());
        assertEquals(answers, decoded.answers());
    }

    @Test
    void longAnswersAreDeflatedAndShortOnesAreNot() throws Exception {
        PayloadCodec codec = new PayloadCodec();
        Answers long_ = Answers.empty().with("full-name", new Answer.Text("Marie ".repeat(1000)));
        byte[] deflated = codec.encode("birth-certificate", 3, 7, "en", long_);
        assertEquals(PayloadCodec.FORMAT_DEFLATED_JSON, deflated[0]);
        assertTrue(deflated.length < 300, "encoded " + deflated.length + " bytes");
        assertEquals(
                "Marie ".repeat(1000),
                PayloadCodec.decode(deflated).answers().get("full-name").textValue());

        Answers short_ = Answers.empty().with("full-name", new Answer.Text("Marie Joseph"));
        byte[] plain = codec.encode("birth-certificate", 3, 7, "en", short_);
        assertEquals(PayloadCodec.FORMAT_JSON, plain[0]);
        assertEquals('{', plain[1]);
        assertTrue(plain.length - 1 <= PayloadCodec.DEFLATE_ABOVE);
    }

    @Test
    void aSignatureTravelsAsInkAndOpensAsStrokes() throws Exception {
        int[] xy = new int[2 * 200];
        for (int i = 0; i < xy.length; i++) {
            xy[i] = 300 + (i % 7) * 3;
        }
        Answers answers = Answers.empty().with("signature", new Answer.Signature(List.of(new Stroke(xy))));
        byte[] encoded = new PayloadCodec().encode("birth-certificate", 3, 7, "en", answers);
        String json = new String(encoded, 1, encoded.length - 1, StandardCharsets.UTF_8);
        assertTrue(json.contains("\"signature\":{\"ink\":\""), json);
        assertTrue(encoded.length < 700, encoded.length + " bytes for 200 points");
        Payload payload = PayloadCodec.decode(encoded);
        // The portal, and the agencies reading cases, see strokes as before.
        assertEquals(
                AnswerCodec.encode(answers.get("signature").orElseThrow()),
                payload.answers().get("signature"));
    }

    @Test
    void aPayloadFromAKioskBeforeInkStillOpens() throws Exception {
        // Format 1: deflated JSON of format 1, the signature as lists of strokes.
        byte[] legacy = deflated("{\"format\":1,\"service\":\"birth-certificate\",\"serviceVersion\":3,"
                + "\"catalogueVersion\":7,\"locale\":\"en\",\"answers\":{\"full-name\":\"Marie\","
                + "\"signature\":{\"strokes\":[[1,2,3,4]]}}}");
        Payload payload = PayloadCodec.decode(legacy);
        AnswerCodec.Decoded decoded = AnswerCodec.decode(birth, payload.answers(), payload.enteredBy());
        assertEquals(List.of(), decoded.wrongType());
        assertEquals(
                new Answer.Signature(List.of(new Stroke(new int[] {1, 2, 3, 4}))),
                decoded.answers().get("signature").orElseThrow());
    }

    @Test
    void inkThatIsNotASignatureIsRefusedNamingTheAnswer() {
        byte[] bad = ("\u0002{\"format\":2,\"service\":\"birth-certificate\",\"serviceVersion\":3,"
                        + "\"catalogueVersion\":7,\"locale\":\"en\",\"answers\":{\"signature\":{\"ink\":\"A\"}}}")
                .getBytes(StandardCharsets.UTF_8);
        JsonInputException e = assertThrows(JsonInputException.class, () -> PayloadCodec.decode(bad));
        assertEquals("answers.signature.ink", e.path());
    }

    private static byte[] deflated(String json) {
        return deflated(json.getBytes(StandardCharsets.UTF_8), 6);
    }

    /** A format-1 payload: the format byte, then {@code plain} raw-deflated. */
    private static byte[] deflated(byte[] plain, int level) {
        Deflater deflater = new Deflater(level, true);
        deflater.setInput(plain);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(PayloadCodec.FORMAT_DEFLATED_JSON);
        byte[] buf = new byte[65536];
        while (!deflater.finished()) {
            out.write(buf, 0, deflater.deflate(buf));
        }
        return out.toByteArray();
    }

    @Test
    void aDeflateBombIsRefusedWithoutInflatingIt() {
        byte[] bomb = deflated(new byte[64 * 1024 * 1024], 9);
        JsonInputException e = assertThrows(JsonInputException.class, () -> PayloadCodec.decode(bomb));
        assertEquals("payload: inflates to more than 1048576 bytes", e.getMessage());
    }

    @Test
    void corruptOrForeignPayloadsAreRefused() {
        byte[] good = new PayloadCodec().encode("birth-certificate", 3, 7, "en", Answers.empty());
        assertThrows(JsonInputException.class, () -> PayloadCodec.decode(new byte[] {9, 1, 2}));
        assertThrows(
                JsonInputException.class, () -> PayloadCodec.decode(java.util.Arrays.copyOf(good, good.length - 3)));
        assertThrows(JsonInputException.class, () -> PayloadCodec.decode(deflated("{\"format\":3}")));
        byte[] notDeflate = "{\"format\":1}".getBytes(StandardCharsets.UTF_8);
        notDeflate[0] = PayloadCodec.FORMAT_DEFLATED_JSON;
        assertThrows(JsonInputException.class, () -> PayloadCodec.decode(notDeflate));
    }

    @Test
    void answersOfTheWrongJsonShapeAreReportedNotGuessed() throws Exception {
        var json = org.accesscentre.core.json.Json.wire()
                .readTree("{\"copies\": 2, \"date-of-birth\": \"27/03/1985\", \"purposes\": \"school\", "
                        + "\"signature\": {\"strokes\": [[1, 2, 3]]}, \"full-name\": \"Marie\"}");
        AnswerCodec.Decoded decoded = AnswerCodec.decode(birth, json, Map.of());
        assertEquals(List.of("copies", "date-of-birth", "purposes", "signature"), decoded.wrongType());
        assertEquals(1, decoded.answers().size());
    }
}
