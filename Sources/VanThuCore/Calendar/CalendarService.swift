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
            let before = try CalendarDayRecord.filter(key: date.iso).fetchOne(db)
            if let before, !replace { throw RegistryError.dayAlreadyAdded(date, name: before.name) }
            let record = CalendarDayRecord(date: date, dayOff: !workday, name: name, addedAt: try timestamp(db), addedBy: context.user)
            try record.save(db)
            let day = record.holiday
            try appendJournal(
                db, action: "add-holiday", entity: "calendarDay", entityId: nil, reference: date.iso, before: before?.holiday.json.compact,
                after: day.json.compact)
            return day
        }
    }

    /// Removes a day the clerk added. The law's holidays cannot be removed: a day the
    /// government makes a working day is added with `workday`.
    public func removeHoliday(date text: String) throws -> Holiday {
        let date = try LocalDate(parsing: text)
        return try write { db in
            guard let record = try CalendarDayRecord.filter(key: date.iso).fetchOne(db) else {
                if let statutory = WorkingCalendar.statutoryHolidays(year: date.year).first(where: { $0.date == date }) {
                    throw RegistryError.statutoryHoliday(date, name: statutory.name)
                }
                throw RegistryError.noAnnouncedDay(date)
            }
            let day = record.holiday
            try record.delete(db)
            try appendJournal(db, action: "remove-holiday", entity: "calendarDay", entityId: nil, reference: date.iso, before: day.json.compact)
            return day
        }
    }
}

extension Holiday: Encodable {
    var json: JSONValue {
        .fields([
            ("date", .string(date.iso)), ("dayOff", .bool(isDayOff)), ("lunarDate", .string(LunarCalendar.lunar(date).description)),
            ("name", .string(name)), ("notice", JSONValue(notice)), ("source", .string(source.rawValue)),
        ])
    }

    public func encode(to encoder: any Encoder) throws { try json.encode(to: encoder) }
}
