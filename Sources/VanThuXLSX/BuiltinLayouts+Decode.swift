import Foundation

extension BuiltinLayouts {
    /// The built-in layout file `file`, decoded; `name` is what an unknown layout is called.
    static func layout<Layout: Decodable>(named name: String, file: String) throws -> Layout {
        guard let json = files[file] else { throw ExportError.unknownLayout(name) }
        return try decode(json)
    }

    static func decode<Layout: Decodable>(_ json: String) throws -> Layout {
        do {
            return try JSONDecoder().decode(Layout.self, from: Data(json.utf8))
        } catch {
            throw ExportError.unknownLayout("\(error)")
        }
    }
}
