/// The agency's settings: organisation, numbering rules, terms, series and document types.
public struct SetupService: RegistryService {
    let store: RegistryStore

    public init(_ registry: Registry) { store = registry.store }
    init(store: RegistryStore) { self.store = store }
}
