public import VanThuCore

/// Why the server could not start. Nothing was changed.
public enum WebServerError: Error, Equatable, Sendable {
    case cannotListen(address: String, reason: String)
}

extension WebServerError: ClerkFacingError {
    public static var domain: String { "serve" }
    public var exitCode: Int32 { 69 }
    public var text: Bilingual {
        switch self {
        case .cannotListen(let address, let reason):
            Bilingual(
                vi: "Không mở được máy chủ tại \(address) (\(reason)). Cổng có thể đang được dùng: chọn cổng khác bằng --listen.",
                en: "Cannot serve at \(address) (\(reason)). The port may be in use: choose another with --listen.")
        }
    }
    public enum Kind: String, CaseIterable, Sendable { case cannotListen }
    public var kind: Kind { .cannotListen }
}
