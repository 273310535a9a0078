/// Dispatch of outgoing documents to their recipients, and what is still unsent.
public struct DispatchService: RegistryService {
    let store: RegistryStore

    public init(_ registry: Registry) { store = registry.store }
    init(store: RegistryStore) { self.store = store }
}
