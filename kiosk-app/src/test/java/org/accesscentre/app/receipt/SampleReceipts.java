package org.accesscentre.app.receipt;

import java.util.List;
import org.accesscentre.app.receipt.ReceiptContent.Labels;
import org.accesscentre.core.reference.ReferenceNumber;

/**
 * Receipts as the app would make them, in English (sent) and French (waiting for the internet, with French
 * typography: no-break spaces inside guillemets and before {@code ;} and {@code ?}).
 */
public final class SampleReceipts {
    public static final ReferenceNumber REFERENCE = new ReferenceNumber("SOU", 3, 127);

    public static final String LONG_PARAGRAPH = "The Civil Registry checks your request within five working days. When"
            + " your certificate is ready, you get a text message and the status on any kiosk says Ready to"
            + " collect. Bring this receipt and your identity card to the Civil Registry counter in Castries or"
            + " to this access centre on a Tuesday, when the registry officer visits. If anything is missing,"
            + " the officer sends a message that you can read at any kiosk with your reference number.";

    private SampleReceipts() {}

    public static ReceiptContent english() {
        return english(REFERENCE);
    }

    public static ReceiptContent english(ReferenceNumber reference) {
        return new ReceiptContent(
                List.of("Government of Saint Lucia", "Community Access Centres"),
                reference,
                "Birth certificate (copy)",
                "Soufrière Access Centre, kiosk 3",
                "Tuesday 14 April 2026, 10:42",
                "Fee: EC$ 25.00, pay at the desk",
                LONG_PARAGRAPH,
                List.of("This receipt", "Your identity card or passport", "EC$ 25.00 if not paid at the desk"),
                null,
                "Keep this receipt. Check progress at any access centre with your reference.",
                reference.toString(),
                "en-LC",
                new Labels("Your reference number", "What happens next", "What to bring"));
    }

    public static ReceiptContent frenchOffline() {
        ReferenceNumber reference = new ReferenceNumber("VFT", 12, 1_234_567);
        return new ReceiptContent(
                List.of("Gouvernement de Sainte-Lucie", "Centres d'accès communautaires"),
                reference,
                "Acte de naissance (copie intégrale)",
                "Centre d'accès de Vieux-Fort, borne 12",
                "mardi 14 avril 2026 à 10 h 42",
                null,
                "Le bureau de l'état civil étudie votre demande sous cinq jours ouvrés. Quand l'acte est prêt,"
                        + " vous recevez un SMS et l'état affiché sur une borne devient «\u00a0Prêt à retirer\u00a0».\n"
                        + "Présentez ce reçu et votre pièce d'identité au guichet.",
                List.of("Ce reçu", "Votre carte d'identité ou votre passeport"),
                "Enregistré sur cette borne\u202f; il sera envoyé automatiquement dès le retour d'internet. Votre"
                        + " référence fonctionne déjà.",
                "Gardez ce reçu. Suivez votre demande dans n'importe quel centre d'accès avec votre référence.",
                reference.toString(),
                "fr",
                new Labels("Votre numéro de référence", "Et ensuite\u202f?", "À apporter"));
    }

    /** A walk-in ticket in French, with accents and typographic apostrophes. */
    public static TicketContent ticket() {
        return new TicketContent(
                List.of("Centres d’accès communautaires"),
                "A-017",
                "Centre d’accès de Soufrière",
                "mardi 14 avril 2026 à 10 h 42",
                "Attendez votre numéro à l’écran !",
                "fr");
    }

    /** The attendant's end-of-day cash reconciliation, with a rule above each total. */
    public static ReportContent report() {
        return new ReportContent(
                List.of("Soufrière Access Centre"),
                "End of day: cash",
                "Tuesday 14 April 2026, kiosk 3",
                List.of(
                        new ReportContent.Row("Requests sent", "42", false),
                        new ReportContent.Row("Paid at the desk", "17", false),
                        new ReportContent.Row(
                                "Birth certificate copies at EC$ 25.00 each, paid in cash", "EC$ 250.00", false),
                        new ReportContent.Row("Police records at EC$ 50.00 each", "EC$ 350.00", false),
                        ReportContent.Row.rule(),
                        new ReportContent.Row("Cash expected", "EC$ 600.00", true),
                        new ReportContent.Row("Cash counted", "EC$ 600.00", true),
                        new ReportContent.Row("Difference", "EC$ 0.00", true)),
                List.of("Counted by: ____________________", "Checked by: ____________________"));
    }
}
