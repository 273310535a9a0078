import Foundation
import Testing

@testable import VanThuCore

/// The hand-written JSON of the journal and of `--json` lists: escapes, key order, indentation.
@Suite struct JSONValueTests {
    static let tricky = "Trích \"yếu\" \\ dòng 1\ndòng 2\r\tcột \u{01}\u{1F} 🇻🇳 a/b"

    static let value = JSONValue.fields([
        ("text", .string(tricky)), ("count", .number(3)), ("ratio", .number(2.5)), ("none", .null), ("yes", .bool(true)),
        ("empty", .array([])), ("nested", .object(["z": .number(-1), "y": .array([.string(""), .fields([])])])),
    ])

    @Test func compactEscapesWhatJSONMustAndNothingElse() throws {
        let expected =
            #"{"text":"Trích \"yếu\" \\ dòng 1\ndòng 2\r\tcột \u0001\u001f 🇻🇳 a/b","count":3,"ratio":2.5,"none":null,"yes":true,"empty":[],"nested":{"y":["",{}],"z":-1}}"#
        #expect(Self.value.compact == expected)
        let parsed = try JSONSerialization.jsonObject(with: Data(Self.value.compact.utf8)) as? [String: Any]
        #expect(parsed?["text"] as? String == Self.tricky)
    }

    /// A long list goes out in pieces, each cut after an element, which together are the same
    /// text as written whole and as the same list made as a `JSONValue`; empty, it is `[]`.
    @Test func aLongListIsWrittenInPiecesThatMakeTheWholeText() throws {
        struct Long {
            var count: Int
            func writeFields(into sink: inout some JSONFieldSink) {
                sink.field("items", count: count) { sink, index in
                    sink.field("n", index)
                    sink.field("text", JSONValueTests.tricky + String(repeating: "ả", count: 300))
                }
                sink.field("after", nil as String?)
            }
        }
        var pieces: [[UInt8]] = []
        JSONWriter.writePretty(to: { pieces.append(Array($0)) }) { writer in writer.object { Long(count: 2_000).writeFields(into: &$0) } }
        #expect(pieces.count > 2)
        #expect(pieces.dropLast().allSatisfy { ($0.last ?? 0) < 0x80 && $0.count >= JSONWriter.flushSize })
        let whole = String(decoding: pieces.joined(), as: UTF8.self)
        let tree = JSONFieldList.object { Long(count: 2_000).writeFields(into: &$0) }
        #expect(whole == tree.pretty)
        #expect(tree.pretty.hasSuffix("  ],\n  \"after\" : null\n}"))
        #expect(JSONFieldList.object { Long(count: 0).writeFields(into: &$0) }.pretty == "{\n  \"items\" : [],\n  \"after\" : null\n}")
    }

    /// Every character a terminal would act on is escaped, so the JSON can go to a terminal as
    /// it is: DEL, C1 controls and direction marks as `\uXXXX`, beside what JSON must escape.
    /// Characters that only share a first byte with them (–, “, ”, …, ạ) are written as they are.
    @Test func charactersATerminalActsOnAreEscapedAndReadBackTheSame() throws {
        let text = "a\u{7F}b\u{85}c\u{9B}31m\u{202E}d\u{2066}e\u{061C}f\u{200F}g\u{1B}[2J – “ạ” … \u{A0}ؠ"
        let compact = JSONValue.string(text).compact
        #expect(compact == #""a\u007fb\u0085c\u009b31m\u202ed\u2066e\u061cf\u200fg\u001b[2J – “ạ” … \#u{A0}ؠ""#)
        #expect(!compact.unicodeScalars.contains { VietnameseText.isInvisibleControl($0.value) || $0 == "\r" })
        let parsed = try JSONSerialization.jsonObject(with: Data("[\(compact)]".utf8)) as? [String]
        #expect(parsed == [text])
    }

    /// The journal's and `--json`'s documents, written straight into bytes, are the same text
    /// as the same document made as a `JSONValue`, and as Foundation's JSONEncoder writes it
    /// (keys sorted): incoming and outgoing, with a signer, co-operating units, citations, a void.
    @Test func documentsAndTheFollowUpListAreWrittenAsJSONEncoderWritesThem() throws {
        let registry = try Fixtures.makeRegistry(today: "2021-09-06")
        var draft = try Fixtures.incoming("Trích yếu có \"ngoặc\" và \\", notation: "12/SNV-VP", received: "20/8/2021")
        draft.urgency = .khan
        draft.dueDate = LocalDate(year: 2021, month: 8, day: 31)
        draft.handler = "Phòng Tuyên truyền"
        _ = try RegistrationService(registry).registerIncoming(draft)
        _ = try RegistrationService(registry).registerIncoming(try Fixtures.incoming("Thứ hai", received: "23/8/2021"))
        _ = try HandlingService(registry).route(
            reference: "den/2021/2",
            RoutingDraft(lead: "Văn phòng", coUnits: ["Phòng Kế toán", "Đoàn thanh niên"], due: try Deadline(parsing: "8/9/2021")))
        _ = try RegistrationService(registry).registerIncoming(try Fixtures.incoming("Thứ ba", received: "24/8/2021"))
        _ = try RegistrationService(registry).void(reference: "den/2021/3", reason: "Trùng số")
        let outgoing = try RegistrationService(registry).registerOutgoing(try Fixtures.outgoing())
        let documents = try ["den/2021/1", "den/2021/2", "den/2021/3"].map { try DocumentService(registry).document(reference: $0) } + [outgoing]
        #expect(documents[2].voided != nil && documents[3].signer != nil && documents[1].coHandlers.count == 2)
        for document in documents {
            #expect(document.compactJSON == document.json.compact)
            var writer = JSONWriter(pretty: true)
            writer.object { document.writeFields(into: &$0) }
            #expect(writer.text == document.json.pretty)
            #expect(writer.text == (try Self.encoded(document)), "\(document.reference)")
        }
        let citation = Citation(
            typeName: "Kế hoạch", notation: try DocumentNotation(parsing: "432-KH/BTGTW"), issuedDate: LocalDate(year: 2020, month: 10, day: 1))
        let journaled = RegistrationService.journaled(documents[0], citations: [citation])
        #expect(journaled == JSONValue.fields(documents[0].jsonFields + [("references", .array([.fields(citation.jsonFields)]))]).compact)
        #expect(RegistrationService.journaled(documents[0], citations: []) == documents[0].compactJSON)
        // The follow-up list, each document written as it is read: the same text as JSONEncoder
        // writes for the list built here as a tree from the report's documents.
        for unit: String? in [nil, "Văn phòng", "Phòng Kế toán"] {
            let report = try HandlingService(registry).followUp(unit: unit, soon: "3wd")
            #expect(report.items.count == (unit == nil ? 2 : 1))
            let items = report.items.map { item in
                JSONValue.object([
                    "days": JSONValue(item.state.days), "document": item.document.json, "dueDate": JSONValue(item.document.dueDate?.iso),
                    "reference": .string(item.document.reference), "state": .string(item.state.code), "unit": JSONValue(item.document.handler),
                    "urgency": JSONValue(item.document.urgency?.label),
                ])
            }
            let units = report.byUnit.map { JSONValue.object(["late": JSONValue($0.late), "soon": JSONValue($0.soon), "unit": JSONValue($0.unit)]) }
            let expected = JSONValue.object([
                "items": .array(items), "soonUntil": .string(report.soonUntil.iso), "today": .string(report.today.iso), "units": .array(units),
            ])
            var pieces: [UInt8] = []
            try HandlingService(registry).writeFollowUpJSON(unit: unit, soon: "3wd") { pieces.append(contentsOf: $0) }
            #expect(String(decoding: pieces, as: UTF8.self) == (try Self.encoded(expected)), "\(unit ?? "-")")
        }
    }

    /// The follow-up list read on two connections, the upper half of the ids on the second, is
    /// the same as on one (the JSON text, the terminal's lines, the report): whole, for a unit,
    /// and for a unit whose documents are all in one half.
    @Test func theFollowUpListReadOnTwoConnectionsIsTheSameText() throws {
        let registry = try Fixtures.makeRegistry(today: "2021-09-06")
        let units = ["Phòng Tuyên truyền", "Văn phòng", "Đoàn thanh niên"]
        var drafts: [IncomingDraft] = []
        for index in 0..<120 {
            var draft = try Fixtures.incoming("Văn bản \(index)", notation: "\(index + 1)/SNV-VP", received: "\(1 + index % 28)/8/2021", type: "CV")
            draft.urgency = index % 7 == 0 ? .khan : nil
            draft.handler = index % 4 == 0 ? nil : (index < 60 ? units[index % 3] : units[index % 2])
            draft.dueDate = draft.handler == nil ? nil : LocalDate(year: 2021, month: 9, day: 1 + index % 12)
            drafts.append(draft)
        }
        _ = try RegistrationService(registry).registerIncoming(batch: drafts)
        for unit: String? in [nil, "văn phòng", "Đoàn thanh niên"] {
            func text(splitFrom: Int64) throws -> (String, Int) {
                var bytes: [UInt8] = []
                let besides = try HandlingService(registry).writeFollowUpJSON(unit: unit, soon: "3wd", splitFrom: splitFrom) {
                    bytes.append(contentsOf: $0)
                }
                return (String(decoding: bytes, as: UTF8.self), besides)
            }
            let (one, none) = try text(splitFrom: .max)
            let (two, besides) = try text(splitFrom: 1)
            #expect(none == 0)
            #expect(besides == (ProcessInfo.processInfo.activeProcessorCount > 1 ? 1 : 0))
            #expect(two == one, "\(unit ?? "-")")
            // The terminal's lines and the report, read in two parts, are the same list too.
            let service = HandlingService(registry)
            let lines = try service.followUpLines(unit: unit, soon: "3wd", splitFrom: .max).lines
            let split = try service.followUpLines(unit: unit, soon: "3wd", splitFrom: 1).lines
            #expect(lines.map(\.id) == split.map(\.id) && lines.map(\.state) == split.map(\.state) && !lines.isEmpty)
            let report = try service.followUp(unit: unit, soon: "3wd", splitFrom: 1)
            #expect(report.items.map(\.document.id) == lines.map(\.id))
            #expect(Set(lines.map(\.id)).count == lines.count && lines.contains { $0.id > 60 } == (unit != "Đoàn thanh niên"))
            #expect(one.contains("den/2021/1") || unit != nil)
        }
    }

    /// JSONEncoder's indented text, keys sorted, its empty arrays as `[]`: it writes an empty
    /// array of an indented object as `[`, an empty line, `]` (swift-corelibs-foundation).
    static func encoded(_ value: some Encodable) throws -> String {
        try JSONOutput.encode(value).replacing(/\[\n *\n *\]/, with: "[]")
    }

    @Test func prettyIsIndentedLikeJSONEncoder() throws {
        let expected = """
            {
              "text" : "Trích \\"yếu\\" \\\\ dòng 1\\ndòng 2\\r\\tcột \\u0001\\u001f 🇻🇳 a/b",
              "count" : 3,
              "ratio" : 2.5,
              "none" : null,
              "yes" : true,
              "empty" : [],
              "nested" : {
                "y" : [
                  "",
                  {}
                ],
                "z" : -1
              }
            }
            """
        #expect(Self.value.pretty == expected)
        // JSONEncoder's own pretty output of the same object, keys sorted, agrees line for line
        // once its key order is the same (it sorts; `fields` keeps the order given).
        let sorted = JSONValue.object(["a": .string(Self.tricky), "b": .array([.number(1), .null])])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        #expect(sorted.pretty == String(decoding: try encoder.encode(sorted), as: UTF8.self))
    }
}
