public import VanThuCore

// Tests write dates, deadlines, retentions and channels as the clerk types them: a literal such
// as `"24/8/2021"` where the API takes a `LocalDate`. Only in tests: a literal that does not
// parse is a mistake in the test, and stops it at once. A test of what the parsers refuse calls
// them (`LocalDate(parsing:)`, `Deadline(parsing:)`, …) and checks the error.

extension LocalDate: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) {
        guard let day = LocalDate.parse(value) else { preconditionFailure("test literal “\(value)” is not a date") }
        self = day
    }
}

extension Deadline: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) {
        guard let deadline = try? Deadline(parsing: value) else { preconditionFailure("test literal “\(value)” is not a deadline") }
        self = deadline
    }
}

extension Retention: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) {
        guard let retention = try? Retention(parsing: value) else { preconditionFailure("test literal “\(value)” is not a retention") }
        self = retention
    }
}

extension DispatchChannel: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) {
        guard let channel = try? DispatchChannel(parsing: value) else { preconditionFailure("test literal “\(value)” is not a channel") }
        self = channel
    }
}
