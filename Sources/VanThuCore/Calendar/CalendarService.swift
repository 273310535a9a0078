import Foundation
import GRDB

extension CalendarService {
    /// The working-day calendar: the law's holidays and the days the clerk added.
    public func workingCalendar() throws -> WorkingCalendar {
        try read { db in try workingCalendar(db) }
    }

    /// The special days of a year, computed and announced, in date order.
    public func holidays(year: Int) throws -> [Holiday] {
        try workingCalendar().holidays(year: year)
    }

    /// Records a day the government announced: a substitute day off, or (`workday`) a weekend
    /// day or holiday made a working day. A day already added is replaced only with `replace`,
    /// and the earlier entry stays in the journal.
    public func addHoliday(date text: String, name: String, workday: Bool, replace: Bool = false) throws -> Holiday {
        let date = try LocalDate(parsing: text)
        guard let name = try InputLimits.text(name, .holidayName) else { throw RegistryError.emptyField(.holidayName) }
        return try write { db in
            let before = try Row.fetchOne(db, sql: "SELECT date, dayOff, name FROM calendarDay WHERE date = ?", arguments: [date.iso])
            if let before, !replace { throw RegistryError.dayAlreadyAdded(date, name: before["name"]) }
            try db.execute(
                sql: "INSERT OR REPLACE INTO calendarDay (date, dayOff, name, addedAt, addedBy) VALUES (?, ?, ?, ?, ?)",
                arguments: [date.iso, !workday, name, timestamp(db), context.user])
            let day = Holiday(date: date, name: name, source: .announced, isDayOff: !workday)
            try appendJournal(
                db, action: "add-holiday", entity: "calendarDay", entityId: nil, reference: date.iso,
                before: before.map { Holiday(date: date, name: $0["name"], source: .announced, isDayOff: $0["dayOff"]).json.compact },
                after: day.json.compact)
            return day
        }
    }

    /// Removes a day the clerk added. The law's holidays cannot be removed: a day the
    /// government makes a working day is added with `workday`.
    public func removeHoliday(date text: String) throws -> Holiday {
        let date = try LocalDate(parsing: text)
        return try write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT dayOff, name FROM calendarDay WHERE date = ?", arguments: [date.iso]) else {
                if let statutory = WorkingCalendar.statutoryHolidays(year: date.year).first(where: { $0.date == date }) {
                    throw RegistryError.statutoryHoliday(date, name: statutory.name)
                }
                throw RegistryError.noAnnouncedDay(date)
            }
            let day = Holiday(date: date, name: row["name"], source: .announced, isDayOff: row["dayOff"])
            try db.execute(sql: "DELETE FROM calendarDay WHERE date = ?", arguments: [date.iso])
            try appendJournal(db, action: "remove-holiday", entity: "calendarDay", entityId: nil, reference: date.iso, before: day.json.compact)
            return day
        }
    }
}

extension Holiday: Encodable {
    var json: JSONValue {
        .fields([
            ("date", .string(date.iso)), ("dayOff", .bool(isDayOff)), ("lunarDate", .string(LunarCalendar.lunar(date).description)),
            ("name", .string(name)), ("source", .string(source.rawValue)),
        ])
    }

    public func encode(to encoder: any Encoder) throws { try json.encode(to: encoder) }
}
