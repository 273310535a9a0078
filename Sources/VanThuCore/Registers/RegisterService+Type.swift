/// The registers (sổ) of a period as they are printed: their books, documents and extent.
public struct RegisterService: RegistryService {
    let store: RegistryStore

    public init(_ registry: Registry) { store = registry.store }
    init(store: RegistryStore) { self.store = store }
}
