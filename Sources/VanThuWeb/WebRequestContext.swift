import Hummingbird
import VanThuCore

/// One request's context: the session it belongs to (if logged in), with its account.
struct WebRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    var session: Session?
    var account: Account? { session?.account }

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
    }

    /// Uploads (PDFs, scans) may be larger than Hummingbird's default 2 MB.
    var maxUploadSize: Int { 64 << 20 }
}
