import Foundation
import Hummingbird
import MultipartKit
import NIOCore

/// A posted form's fields (and, for an upload, its files), read whole within the upload limit.
struct Form: Sendable {
    struct File: Sendable {
        var name: String
        var data: Data
    }

    var fields: [String: [String]] = [:]
    var files: [String: File] = [:]

    subscript(_ name: String) -> String? { fields[name]?.last }

    /// All values of a repeated field (checkboxes, a multiple select), blanks dropped.
    func all(_ name: String) -> [String] {
        (fields[name] ?? []).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }

    /// A field's text, nil when absent or blank.
    func text(_ name: String) -> String? {
        guard let value = self[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return nil }
        return value
    }

    static func read(_ request: Request, context: WebRequestContext) async throws -> Form {
        let type = request.headers[.contentType] ?? ""
        let body = try await request.body.collect(upTo: context.maxUploadSize)
        if type.lowercased().hasPrefix("multipart/form-data") {
            guard let boundary = Self.parameter("boundary", in: type) else { throw HTTPError(.badRequest) }
            return try multipart(body, boundary: boundary)
        }
        return urlEncoded(String(buffer: body))
    }

    /// `application/x-www-form-urlencoded`, kept as a dictionary of lists (the CSRF check reads
    /// the token before any typed decoding; a multiple select repeats its name). Hummingbird's
    /// `URLEncodedFormDecoder` decodes into Decodable types only.
    static func urlEncoded(_ text: String) -> Form {
        var form = Form()
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ s: Substring) -> String { s.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? "" }
            form.fields[decode(parts[0]), default: []].append(parts.count > 1 ? decode(parts[1]) : "")
        }
        return form
    }

    /// `multipart/form-data`, through MultipartKit's parser.
    static func multipart(_ body: ByteBuffer, boundary: String) throws -> Form {
        var form = Form()
        var headers: [(String, String)] = []
        var data = Data()
        let parser = MultipartParser(boundary: boundary)
        parser.onHeader = { name, value in headers.append((name.lowercased(), value)) }
        parser.onBody = { buffer in data.append(contentsOf: buffer.readableBytesView) }
        parser.onPartComplete = {
            let disposition = headers.first(where: { $0.0 == "content-disposition" })?.1 ?? ""
            if let name = Self.parameter("name", in: disposition) {
                if let filename = Self.parameter("filename", in: disposition) {
                    if !filename.isEmpty || !data.isEmpty { form.files[name] = File(name: Self.safeName(filename), data: data) }
                } else {
                    form.fields[name, default: []].append(String(decoding: data, as: UTF8.self))
                }
            }
            headers = []
            data = Data()
        }
        do { try parser.execute(body) } catch { throw HTTPError(.badRequest, message: "multipart") }
        return form
    }

    /// `name="value"` or `name=value` in a header.
    static func parameter(_ name: String, in header: String) -> String? {
        for part in header.split(separator: ";") {
            let pair = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2, pair[0].lowercased() == name else { continue }
            var value = pair[1]
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            return value
        }
        return nil
    }

    /// The last path component of an uploaded file's name, never a path.
    static func safeName(_ name: String) -> String {
        let last = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let cleaned = last.filter { !$0.isNewline && $0 != "\0" }
        return cleaned.isEmpty || cleaned == "." || cleaned == ".." ? "tai-lieu.pdf" : cleaned
    }
}
