import Foundation
import VanThuCore

/// The columns of a printed register: headings, widths and the field each shows. Read from the
/// JSON files in `exports/`, which are built into the binary (``RegisterLayout/builtin``).
public struct RegisterLayout: Decodable, Equatable, Sendable {
    public struct Column: Decodable, Equatable, Sendable {
        public var heading: String
        public var field: RegisterField
        public var width: Double
    }

    /// `incoming`, `outgoing`, `tracking` or `postal`.
    public var register: String
    public var title: String
    public var secretTitle: String
    public var sheetName: String
    public var source: String
    public var columns: [Column]

    /// The books that number documents: every number has its row, missing ones included.
    var isNumberedBook: Bool { register == "incoming" || register == "outgoing" }

    /// The cover says "Từ số … đến số …": the numbered books, and the postal book (the numbers
    /// of the documents it sent).
    var showsNumberRange: Bool { isNumberedBook || register == "postal" }

    /// Decodes a layout file's text.
    public static func decode(_ json: String) throws -> RegisterLayout {
        try BuiltinLayouts.decode(json)
    }

    /// The layout built into vanthu for `name`: `incoming`, `outgoing`, `tracking` or `postal`.
    public static func builtin(_ name: String) throws -> RegisterLayout {
        try BuiltinLayouts.layout(named: name, file: "\(name)-register.json")
    }
}
