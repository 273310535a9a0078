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

    /// A long lazy list goes out in pieces, each cut after an element, which together are the
    /// same text as written whole and as the same list in an array; empty, it is `[]`.
    @Test func aLazyListIsWrittenInPiecesThatMakeTheWholeText() throws {
        let element: @Sendable (Int) -> JSONValue = {
            .fields([("n", .number(Double($0))), ("text", .string(Self.tricky + String(repeating: "ả", count: 300)))])
        }
        let lazy = JSONValue.fields([("items", .lazyArray(count: 2_000, element: element)), ("after", .bool(false))])
        var pieces: [[UInt8]] = []
        lazy.writePretty { pieces.append(Array($0)) }
        #expect(pieces.count > 2)
        #expect(pieces.dropLast().allSatisfy { ($0.last ?? 0) < 0x80 && $0.count >= JSONValue.flushSize })
        let whole = String(decoding: pieces.joined(), as: UTF8.self)
        #expect(whole == lazy.pretty)
        #expect(whole == JSONValue.fields([("items", .array((0..<2_000).map(element))), ("after", .bool(false))]).pretty)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        #expect(try encoder.encode(JSONValue.lazyArray(count: 3, element: element)) == encoder.encode(JSONValue.array((0..<3).map(element))))
        #expect(JSONValue.lazyArray(count: 0, element: element).pretty == "[]")
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
