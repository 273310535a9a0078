/// Finds registered documents: by reference, by register and year, with their citations.
public struct DocumentService: RegistryService {
    let store: RegistryStore

    public init(_ registry: Registry) { store = registry.store }
    init(store: RegistryStore) { self.store = store }
}
