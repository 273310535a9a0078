/// Hồ sơ: the catalog of a year, opening, filing, closing, holding and handing over to the archive.
public struct DossierService: RegistryService {
    let store: RegistryStore

    public init(_ registry: Registry) { store = registry.store }
    init(store: RegistryStore) { self.store = store }
}
