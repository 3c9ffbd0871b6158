package org.accesscentre.testing.answers;

import java.util.List;

/** One-line answers to the short free-text questions government forms ask, as people put them. */
final class Phrases {
    static final List<String> RELATIONSHIP_REASONS = List.of(
            "I am caring for my niece while her mother works overseas",
            "He was my uncle and I am settling his estate",
            "She is my godchild and she lives with me",
            "My cousin lives in England and asked me to collect it for her",
            "I am her aunt and I need it to put her in school");
    static final List<String> PROGRAMMES = List.of(
            "NIC old age pension",
            "Koudmen Sent Lisi",
            "Help from the church",
            "Food vouchers from the council",
            "School feeding programme",
            "NIC invalidity pension");
    static final List<String> HELP_NEEDED = List.of(
            "I use a wheelchair",
            "I cannot read well, please read the papers to me",
            "I am hard of hearing",
            "I need a sign language interpreter",
            "I walk with a cane and cannot climb stairs",
            "I am blind and will come with my daughter");
    static final List<String> SERVICES_USED = List.of(
            "Birth certificate",
            "Paying property tax",
            "Renewing my driver's licence",
            "My NIC statement",
            "Registering my business name",
            "Public assistance",
            "Police certificate",
            "Passport application");
    static final List<String> APPOINTMENT_REASONS = List.of(
            "Collect my birth certificate.",
            "Ask about my NIC pension.",
            "Pay my property tax and get a statement.",
            "Register the name of my business.",
            "Hand in papers for public assistance.",
            "Renew my driver's licence.",
            "Ask why my tax refund has not come.",
            "Get a letter with my work history.");

    private Phrases() {}
}
