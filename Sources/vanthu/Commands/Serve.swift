import ArgumentParser
import Foundation
import Logging
import VanThuCore
import VanThuWeb

extension VanThu {
    struct Serve: ParsableCommand {
        static let configuration =
            CommandConfiguration(
                commandName: "serve",
                abstract: tr(
                    "Mở trang web của văn phòng trong mạng nội bộ cho văn thư, lãnh đạo và chuyên viên.",
                    en: "Serve the office's web pages on the LAN for the clerk, the leaders and the officers."),
                discussion: tr(
                    """
                    Cùng một tệp cơ sở dữ liệu với dòng lệnh: có thể vừa chạy máy chủ vừa dùng lệnh, số không bao giờ trùng.
                    Tạo tài khoản trước: vanthu user add quantri --role quan-tri --password-stdin
                    vanthu serve --listen 127.0.0.1:8080
                    Cookie phiên có thuộc tính Secure: trình duyệt chỉ gửi qua HTTPS (đặt máy chủ sau một proxy HTTPS) hoặc tới 127.0.0.1.
                    Trong mạng LAN tin cậy không có HTTPS, thêm --http.
                    """,
                    en: """
                        The same database file as the command line: the server and commands can run at once, numbers never collide.
                        Add an account first: vanthu user add admin --role quan-tri --password-stdin
                        vanthu serve --listen 127.0.0.1:8080
                        Session cookies are Secure: browsers send them only over HTTPS (put the server behind an HTTPS proxy) or to 127.0.0.1.
                        On a trusted LAN without HTTPS, add --http.
                        """),
                aliases: ["phuc-vu"])

        @OptionGroup var global: GlobalOptions

        @Option(
            help: ArgumentHelp(
                tr("Địa chỉ và cổng lắng nghe (mặc định 127.0.0.1:8080).", en: "The address and port to listen on (default 127.0.0.1:8080)."),
                valueName: tr("địa-chỉ:cổng", en: "host:port")))
        var listen = "127.0.0.1:8080"

        @Flag(
            name: .customLong("http"),
            help: ArgumentHelp(
                tr(
                    "Cho phép đăng nhập qua HTTP thường (cookie không có Secure): chỉ trong mạng LAN tin cậy.",
                    en: "Allow logging in over plain HTTP (cookies without Secure): on a trusted LAN only.")))
        var plainHTTP = false

        func validate() throws {
            guard Self.address(listen) != nil else {
                throw ValidationError(
                    tr("--listen phải có dạng địa-chỉ:cổng, ví dụ 127.0.0.1:8080.", en: "--listen must be host:port, for example 127.0.0.1:8080."))
            }
        }

        static func address(_ text: String) -> (host: String, port: Int)? {
            guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]), (0...65535).contains(port) else {
                return nil
            }
            let host = String(text[..<colon]).trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
            return host.isEmpty ? nil : (host, port)
        }

        func run() throws {
            guard let (host, port) = Self.address(listen) else { throw ExitCode.validationFailure }
            // The server's log (start, stop, failures) goes to stderr: stdout is for data.
            LoggingSystem.bootstrap { label in
                var handler = StreamLogHandler.standardError(label: label)
                handler.logLevel = .notice
                return handler
            }
            try global.withRegistry(concurrentReads: true) { registry in
                let server = try WebServer(registry: registry, secureCookies: !plainHTTP, environment: ProcessSettings.environment)
                let outcome = Outcome()
                let finished = DispatchSemaphore(value: 0)
                Task {
                    do {
                        try await server.run(host: host, port: port) { address in
                            Terminal.error(
                                Terminal.label(
                                    "vanthu đang phục vụ tại \(address) (Ctrl-C để dừng).", "vanthu is serving at \(address) (Ctrl-C to stop)."))
                        }
                    } catch { outcome.set(error) }
                    finished.signal()
                }
                finished.wait()
                if let error = outcome.error {
                    throw WebServerError.cannotListen(address: listen, reason: String(describing: error))
                }
            }
        }

        /// The server task's failure, handed to the waiting command.
        final class Outcome: @unchecked Sendable {
            private let lock = NSLock()
            private var stored: (any Error)?
            func set(_ error: any Error) { lock.withLock { stored = error } }
            var error: (any Error)? { lock.withLock { stored } }
        }
    }
}
