/// Import of old registers (CSV or XLSX), all or nothing.
public struct ImportService: RegistryService {
    let store: RegistryStore

    public init(_ registry: Registry) { store = registry.store }
    init(store: RegistryStore) { self.store = store }
}
