/// The files of a document, stored by content beside the database and never altered.
public struct AttachmentService: RegistryService {
    let store: RegistryStore

    public init(_ registry: Registry) { store = registry.store }
    init(store: RegistryStore) { self.store = store }
}
