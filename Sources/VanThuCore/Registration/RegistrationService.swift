/// Registers incoming and outgoing documents with their lawful numbers, and voids or corrects a registration (never deleting a number).
public struct RegistrationService: RegistryService {
    let store: RegistryStore

    public init(_ registry: Registry) { store = registry.store }
    init(store: RegistryStore) { self.store = store }
}
