import Foundation

/// The kind of a register (sổ đăng ký), and so of the number series its documents take.
public enum RegisterKind: String, Sendable, CaseIterable {
    /// Sổ đăng ký văn bản đến.
    case incoming
    /// Sổ đăng ký văn bản đi.
    case outgoing
    /// Sổ đăng ký bí mật nhà nước đến (TT24 Mẫu 15): a separate book and series.
    case secretIncoming
    /// Sổ đăng ký bí mật nhà nước đi (TT24 Mẫu 14): a separate series in state bodies (ND30 Điều 15.2).
    case secretOutgoing
    /// Bản sao (SY, TrS, SL): one series shared by every copy type (ND30 Phụ lục I Phần II).
    case copy

    public var direction: Direction {
        switch self {
        case .incoming, .secretIncoming: .incoming
        case .outgoing, .secretOutgoing, .copy: .outgoing
        }
    }

    public var isSecret: Bool { self == .secretIncoming || self == .secretOutgoing }

    /// The first part of a human reference: `den/2021/783`, `di-mat/2021/4`.
    public var referencePrefix: String {
        switch self {
        case .incoming: "den"
        case .outgoing: "di"
        case .secretIncoming: "den-mat"
        case .secretOutgoing: "di-mat"
        case .copy: "sao"
        }
    }

    public var vietnameseName: String {
        switch self {
        case .incoming: "Sổ đăng ký văn bản đến"
        case .outgoing: "Sổ đăng ký văn bản đi"
        case .secretIncoming: "Sổ đăng ký bí mật nhà nước đến"
        case .secretOutgoing: "Sổ đăng ký bí mật nhà nước đi"
        case .copy: "Sổ đăng ký bản sao văn bản"
        }
    }

    public var englishName: String {
        switch self {
        case .incoming: "incoming register"
        case .outgoing: "outgoing register"
        case .secretIncoming: "secret incoming register"
        case .secretOutgoing: "secret outgoing register"
        case .copy: "copies register"
        }
    }

    /// Reads `incoming`, `den`, `secret-incoming`, `den-mat`…
    public init?(name: String) {
        let key = VietnameseText.fold(name).replacingOccurrences(of: "_", with: "-")
        let compact = key.replacingOccurrences(of: "-", with: "")
        guard let kind = RegisterKind.allCases.first(where: { $0.referencePrefix == key || $0.rawValue.lowercased() == compact })
        else { return nil }
        self = kind
    }
}

/// Whether a document came in or went out.
public enum Direction: String, Sendable, CaseIterable {
    case incoming, outgoing
}
