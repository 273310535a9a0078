/// Holidays and compensating workdays that deadlines are counted on.
public struct CalendarService: RegistryService {
    let store: RegistryStore

    public init(_ registry: Registry) { store = registry.store }
    init(store: RegistryStore) { self.store = store }
}
