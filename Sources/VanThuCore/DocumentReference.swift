/// How a clerk names a document on the command line: its id (`42`) or its place in a register
/// (`den/2021/783`, `di/2021/BC/86`, `di/2021/86`, `den-mat/2021/4`, `den/2021/12a`).
public enum DocumentReference: Equatable, Sendable {
    case id(Int64)
    case number(kind: RegisterKind, year: Int, typeCode: String?, number: Int, suffix: String)

    public init(parsing text: String) throws {
        let trimmed = VietnameseText.clean(text)
        if let id = Int64(trimmed), id > 0 {
            self = .id(id)
            return
        }
        let parts = trimmed.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard (3...4).contains(parts.count), let kind = RegisterKind(name: parts[0]),
            parts[1].count == 4, let year = Int(parts[1]),
            let last = parts.last
        else { throw RegistryError.invalidReference(text) }
        let digits = last.prefix(while: \.isASCIIDigit)
        let suffix = String(last.dropFirst(digits.count))
        guard let number = Int(digits), number > 0, suffix.count <= 1, suffix.allSatisfy({ $0.isASCII && $0.isLowercase })
        else { throw RegistryError.invalidReference(text) }
        let typeCode = parts.count == 4 ? parts[2] : nil
        if let typeCode, typeCode.isEmpty { throw RegistryError.invalidReference(text) }
        self = .number(kind: kind, year: year, typeCode: typeCode, number: number, suffix: suffix)
    }
}
