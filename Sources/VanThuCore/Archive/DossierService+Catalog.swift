import Foundation
import GRDB

extension DossierService {
    /// Adds a Danh mục hồ sơ read from a file to `year`: all its lines or none. A số và ký hiệu
    /// already used that year is refused. Journaled as one event with the file's SHA-256.
    public func importCatalog(_ file: CatalogFile, year: Int, source: String) throws -> Catalog {
        try checkYear(year)
        return try write { db in
            var position = try nextCatalogPosition(year: year, db)
            var headingId: Int64?
            var added = 0
            for line in file.lines {
                switch line {
                case .heading(let level, let label, let title):
                    headingId = try insertHeading(year: year, position: position, level: level, label: label, title: title, db)
                case .entry(let draft, let line):
                    do {
                        _ = try insertPlanned(draft, year: year, position: position, headingId: headingId, db)
                    } catch let error as ArchiveError {
                        throw ArchiveError.catalogLine(line: line, reason: error.text)
                    }
                    added += 1
                }
                position += 1
            }
            let after: [String: String] = [
                "source": (source as NSString).lastPathComponent, "sha256": file.sha256, "dossiers": String(added), "year": String(year),
            ]
            try appendJournal(
                db, action: "import-catalog", entity: "catalog", entityId: Int64(year), reference: "Danh mục hồ sơ \(year)",
                after: try JSONOutput.encode(after, pretty: false))
            return try catalog(year: year, db)
        }
    }

    /// Adds one hồ sơ to the Danh mục of `year`, under the đề mục named in the draft (created at
    /// the end when the year has none of that name).
    public func addCatalogEntry(_ draft: CatalogEntryDraft, year: Int) throws -> Dossier {
        try checkYear(year)
        return try write { db in
            var position = try nextCatalogPosition(year: year, db)
            var headingId: Int64?
            if let text = VietnameseText.nonEmpty(draft.heading) {
                let wanted = VietnameseText.fold(text)
                let existing = try CatalogHeadingRecord.all().of(year: year).fetchAll(db).map(\.heading)
                    .first { VietnameseText.fold($0.text) == wanted || VietnameseText.fold($0.title) == wanted }
                if let existing {
                    headingId = existing.id
                } else if case .heading(let level, let label, let title) = CatalogFile.heading(text) {
                    headingId = try insertHeading(year: year, position: position, level: level, label: label, title: title, db)
                    position += 1
                }
            }
            let dossier = try insertPlanned(draft, year: year, position: position, headingId: headingId, db)
            try appendJournal(
                db, action: "add-catalog", entity: "dossier", entityId: dossier.id, reference: dossier.reference, after: dossier.json.compact)
            return dossier
        }
    }

    /// The Danh mục of `year`: đề mục and hồ sơ in order, then hồ sơ opened outside it.
    public func catalog(year: Int) throws -> Catalog {
        try read { db in try catalog(year: year, db) }
    }

    func catalog(year: Int, _ db: Database) throws -> Catalog {
        let headings = try CatalogHeadingRecord.all().of(year: year).fetchAll(db)
        let dossiers = try DossierRecord.counted().of(year: year).inCatalogOrder().fetchAll(db)
        var ordered: [(Int, Catalog.Line)] = headings.map { ($0.position, .heading($0.heading)) }
        ordered += dossiers.compactMap { record in record.position.map { ($0, .dossier(record.dossier)) } }
        ordered.sort { $0.0 < $1.0 }
        let outside = dossiers.filter { $0.position == nil }.map(\.dossier)
        return Catalog(year: year, lines: ordered.map(\.1) + outside.map(Catalog.Line.dossier))
    }

    private func checkYear(_ year: Int) throws {
        guard LocalDate.validYears.contains(year) else { throw RegistryError.invalidNumber(String(year)) }
    }

    private func nextCatalogPosition(year: Int, _ db: Database) throws -> Int {
        let lastHeading = try Int.fetchOne(db, CatalogHeadingRecord.all().of(year: year).select(max(CatalogHeadingRecord.Columns.position)))
        let lastDossier = try Int.fetchOne(db, DossierRecord.all().of(year: year).select(max(DossierRecord.Columns.position)))
        return max(lastHeading ?? 0, lastDossier ?? 0) + 1
    }

    private func insertHeading(year: Int, position: Int, level: Int, label: String, title: String, _ db: Database) throws -> Int64 {
        try NewCatalogHeadingRow(year: year, position: position, level: level, label: label, title: title).append(db)
    }

    /// Inserts a hồ sơ listed in the Danh mục, not opened yet.
    private func insertPlanned(_ draft: CatalogEntryDraft, year: Int, position: Int, headingId: Int64?, _ db: Database) throws -> Dossier {
        let notation = try DossierService.checkedNotation(draft.fileNotation)
        guard let title = VietnameseText.nonEmpty(draft.title) else { throw RegistryError.emptyField(.dossierTitle) }
        let retention = try draft.retention.flatMap(VietnameseText.nonEmpty).map(Retention.init(parsing:))
        if try existingDossier(notation, year: year, db) != nil { throw ArchiveError.dossierExists("\(year)/\(notation)") }
        let row = NewDossierRow(
            year: year, fileNotation: notation, title: title, retention: retention, creator: VietnameseText.nonEmpty(draft.creator),
            description: VietnameseText.nonEmpty(draft.description), headingId: headingId, position: position, status: .planned)
        let rowId = try row.append(db)
        return try dossier(id: rowId, db)
    }

    static func checkedNotation(_ text: String) throws -> String {
        guard let notation = VietnameseText.nonEmpty(text) else { throw RegistryError.emptyField(.fileNotation) }
        guard Dossier.isValidNotation(notation) else { throw ArchiveError.invalidFileNotation(notation) }
        return notation
    }
}
