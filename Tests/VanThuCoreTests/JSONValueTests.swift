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
