import Foundation
import Hummingbird
import VanThuCore

/// How a refusal reaches the browser: the clerk's one-line message on a page (or in JSON under
/// `/api/`), with the HTTP status its kind calls for. Nothing was changed.
enum WebError {
    /// The status for a refusal, from its exit code (sysexits): 77 no permission → 403,
    /// 66 not found → 404, 75 busy → 503, 65 bad data → 422; else 500. A case named “not
    /// found” is 404 whatever its code.
    static func status(for error: any ClerkFacingError) -> HTTPResponse.Status {
        if let account = error as? AccountError {
            switch account {
            case .badCredentials, .disabled: return .unauthorized
            case .forbidden, .notYours: return .forbidden
            default: break
            }
        }
        // documentNotFound, notFound…: a missing thing, whatever its exit code.
        if error.code.lowercased().hasSuffix("notfound") { return .notFound }
        switch error.exitCode {
        case 77: return .forbidden
        case 66: return .notFound
        case 75: return .serviceUnavailable
        case 65, 64: return .unprocessableContent
        default: return .internalServerError
        }
    }

    static func json(_ error: any ClerkFacingError) -> Response {
        json(["code": error.code, "message": error.message(in: .vi)], status: status(for: error))
    }

    static func json(_ fields: [String: String], status: HTTPResponse.Status) -> Response {
        let text = (try? JSONOutput.encode(fields, pretty: false)) ?? "{}"
        return jsonResponse(text, status: status)
    }

    static func jsonResponse(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        headers[.cacheControl] = "no-store"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
