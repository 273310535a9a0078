/// The rules a registered document's dates keep, wherever its values come from: typed by the
/// clerk, read by intake (both through ``CheckedIncoming`` and ``RegistrationService/registerOutgoing(_:)``)
/// or read from an old register (``ImportRowReader``). One place, so registration and import
/// cannot drift apart; each reader keeps only what is its own (cells, Excel dates, void marks).
enum DocumentRules {
    /// An incoming document arrives no later than today and not before it was issued; it is
    /// transferred to its handler no earlier than it arrived, and due no earlier than that.
    static func checkIncoming(arrival: LocalDate, issued: LocalDate?, transfer: LocalDate? = nil, due: LocalDate?, today: LocalDate) throws {
        guard arrival <= today else { throw RegistryError.dateInFuture(field: .arrivalDate, date: arrival, today: today) }
        if let issued, issued > arrival { throw RegistryError.dateOrder(earlier: .issuedDate, later: .arrivalDate) }
        if let transfer, transfer < arrival { throw RegistryError.dateOrder(earlier: .arrivalDate, later: .transferDate) }
        if let due, due < arrival { throw RegistryError.dateOrder(earlier: .arrivalDate, later: .dueDate) }
    }

    /// An outgoing document is issued no later than today, and due no earlier than it was issued.
    static func checkOutgoing(issued: LocalDate, due: LocalDate?, today: LocalDate) throws {
        guard issued <= today else { throw RegistryError.dateInFuture(field: .issuedDate, date: issued, today: today) }
        if let due, due < issued { throw RegistryError.dateOrder(earlier: .issuedDate, later: .dueDate) }
    }
}
