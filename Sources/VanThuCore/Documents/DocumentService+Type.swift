/// Finds registered documents: by reference, by register and year, with their citations.
public struct DocumentService: RegistryService {
    let store: RegistryStore

    public init(_ registry: Registry) { store = registry.store }
    init(store: RegistryStore) { self.store = store }
}

extension DocumentService {
    /// An outgoing document (or a copy), for a table named or aliased `d`: the condition of the
    /// partial index `document_outgoing_on_codeNotation` word for word (as v13 writes it; SQLite
    /// reads the `IN` of an older file's index as the same), so SQLite can use it.
    static let outgoingCondition = "(d.kind = 'outgoing' OR d.kind = 'secretOutgoing' OR d.kind = 'copy')"
}
