/// The handling of incoming documents (ND30 Điều 23–24): routing, receipt, progress, done, return and reopen; follow-up of deadlines and the processing report.
public struct HandlingService: RegistryService {
    let store: RegistryStore

    public init(_ registry: Registry) { store = registry.store }
    init(store: RegistryStore) { self.store = store }
}
