public import Testing
public import VanThuCore

/// What every clerk-facing error must give: a message in each language, on one line unless it
/// lists rows, the two languages different, and an exit code that is not success.
public func expectClerkMessages(
    _ error: some ClerkFacingError, severalLines: Bool = false, sourceLocation: SourceLocation = #_sourceLocation
) {
    for language in Language.allCases {
        let message = error.message(in: language)
        #expect(!message.isEmpty && (severalLines || !message.contains("\n")), "\(error) in \(language)", sourceLocation: sourceLocation)
    }
    #expect(error.message(in: .vi) != error.message(in: .en), "\(error)", sourceLocation: sourceLocation)
    #expect(error.exitCode != 0, sourceLocation: sourceLocation)
}
