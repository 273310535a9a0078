import Foundation

extension Document: Encodable {
    /// ND30 Phụ lục VI field names in camelCase; absent values are `null`, dates ISO 8601.
    enum CodingKeys: String, CodingKey {
        case id, reference, direction, register, number, subNumber, arrivalNumber, arrivalDate
        case organName, codeNumber, codeNotation, fullNotation, issuedDate, typeCode, typeName
        case subject, toPlaces, archiveCopy, issuedAmount, transferDate, dueDate, fileNotation
        case pageAmount, description, urgency, secrecy, signer, registeredAt, registeredBy, voided
    }

    enum SignerKeys: String, CodingKey { case capacity, position, fullName }
    enum VoidKeys: String, CodingKey { case at, by, reason }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(reference, forKey: .reference)
        try c.encode(direction.rawValue, forKey: .direction)
        try c.encode(kind.rawValue, forKey: .register)
        try c.encode(number, forKey: .number)
        try c.encode(numberSuffix.isEmpty ? nil : numberSuffix, forKey: .subNumber)
        try c.encode(direction == .incoming ? number : nil, forKey: .arrivalNumber)
        try c.encode(direction == .incoming ? registerDate.iso : nil, forKey: .arrivalDate)
        try c.encode(organName, forKey: .organName)
        try c.encode(notation?.number, forKey: .codeNumber)
        try c.encode(notation?.notation, forKey: .codeNotation)
        try c.encode(notation?.full, forKey: .fullNotation)
        try c.encode(issuedDate?.iso, forKey: .issuedDate)
        try c.encode(typeCode, forKey: .typeCode)
        try c.encode(typeName, forKey: .typeName)
        try c.encode(subject, forKey: .subject)
        try c.encode(direction == .incoming ? (handler.map { [$0] } ?? []) : recipients, forKey: .toPlaces)
        try c.encode(archiveCopy, forKey: .archiveCopy)
        try c.encode(issuedAmount, forKey: .issuedAmount)
        try c.encode(transferDate?.iso, forKey: .transferDate)
        try c.encode(dueDate?.iso, forKey: .dueDate)
        try c.encode(fileNotation, forKey: .fileNotation)
        try c.encode(pageAmount, forKey: .pageAmount)
        try c.encode(note, forKey: .description)
        try c.encode(urgency?.label, forKey: .urgency)
        try c.encode(secrecy?.label, forKey: .secrecy)
        if let signer {
            var s = c.nestedContainer(keyedBy: SignerKeys.self, forKey: .signer)
            try s.encode(signer.capacity, forKey: .capacity)
            try s.encode(signer.position, forKey: .position)
            try s.encode(signer.fullName, forKey: .fullName)
        } else {
            try c.encodeNil(forKey: .signer)
        }
        try c.encode(registeredAt, forKey: .registeredAt)
        try c.encode(registeredBy, forKey: .registeredBy)
        if let voided {
            var v = c.nestedContainer(keyedBy: VoidKeys.self, forKey: .voided)
            try v.encode(voided.at, forKey: .at)
            try v.encode(voided.by, forKey: .by)
            try v.encode(voided.reason, forKey: .reason)
        } else {
            try c.encodeNil(forKey: .voided)
        }
    }
}

/// The one JSON style of vanthu: sorted keys, unescaped slashes, pretty or compact.
public enum JSONOutput {
    public static func encode<T: Encodable>(_ value: T, pretty: Bool = true) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
