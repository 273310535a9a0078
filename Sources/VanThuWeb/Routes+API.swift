import Foundation
import Hummingbird
import VanThuCore

extension WebServer {
    /// `GET /api/documents?q=…`: as `vanthu search --json` (total, hits with score and document).
    func apiSearch(_ request: Request, _ session: Session) async throws -> Response {
        let registry = registry(for: session)
        let query = try ListFilters(request).query(today: today)
        let results = try await blocking { try SearchService(registry).search(query) }
        return WebError.jsonResponse(try JSONOutput.encode(SearchOutput(results)))
    }

    /// `GET /api/documents/den/2021/5`: as `vanthu show --json` (the document and its citations).
    func apiDocument(_ context: WebRequestContext, _ session: Session) async throws -> Response {
        let (reference, rest) = Self.reference(in: context)
        guard rest.isEmpty else { throw HTTPError(.notFound) }
        let registry = registry(for: session)
        let json = try await blocking { () throws -> String in
            let document = try DocumentService(registry).document(reference: reference)
            return try JSONOutput.encode(DocumentWithCitations(document: document, citations: try DocumentService(registry).citations(of: document)))
        }
        return WebError.jsonResponse(json)
    }
}
