/// The hash-chained journal: its entries, its head, and the checks of the whole file.
public struct JournalService: RegistryService {
    let store: RegistryStore

    public init(_ registry: Registry) { store = registry.store }
    init(store: RegistryStore) { self.store = store }
}
