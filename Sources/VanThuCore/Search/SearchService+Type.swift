/// Full-text search over the registers, and its index.
public struct SearchService: RegistryService {
    let store: RegistryStore

    public init(_ registry: Registry) { store = registry.store }
    init(store: RegistryStore) { self.store = store }
}
