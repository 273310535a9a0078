import ArgumentParser
import VanThuCore

extension VanThu {
    struct Types: ParsableCommand {
        static let configuration =
            CommandConfiguration(
                commandName: "types",
                abstract: tr("Liệt kê hoặc thêm loại văn bản và mã của chúng.", en: "List or add document types and their codes."),
                subcommands: [ListTypes.self, Add.self],
                defaultSubcommand: ListTypes.self,
                aliases: ["loai"])
    }
}

extension VanThu.Types {
    struct ListTypes: ParsableCommand {
        static let configuration =
            CommandConfiguration(
                commandName: "list",
                abstract: tr("Liệt kê các loại văn bản theo thể thức của cơ quan.", en: "List the document types of the agency's style."))

        @OptionGroup var global: GlobalOptions

        @Flag(help: ArgumentHelp(tr("Hiện các loại của cả hai thể thức (nhà nước và Đảng).", en: "Show the types of both styles (state and party).")))
        var all = false

        func run() throws {
            let types = try global.withRegistry(.read) { registry in
                try SetupService(registry).documentTypes(style: all ? nil : try SetupService(registry).organization().style)
            }
            if global.json {
                return try Terminal.json(types.map { ["code": $0.code, "name": $0.name, "style": $0.style.rawValue] })
            }
            let rows = types.map {
                [$0.code, $0.name, $0.style.rawValue, $0.inNotation ? "" : Terminal.label("không ghi trong ký hiệu", "not in notation")]
            }
            Terminal.print(
                Terminal.table(
                    headings: [Terminal.label("Mã", "Code"), Terminal.label("Tên loại", "Name"), Terminal.label("Kiểu", "Style"), ""], rows: rows))
        }
    }

    struct Add: ParsableCommand {
        static let configuration =
            CommandConfiguration(
                commandName: "add",
                abstract: tr("Thêm một loại văn bản.", en: "Add a document type."),
                discussion: tr(
                    "vanthu types add --code QyC --name \"Quy chế phối hợp\"", en: "vanthu types add --code QyC --name \"Quy chế phối hợp\""),
                aliases: ["them"])

        @OptionGroup var global: GlobalOptions

        @Option(help: ArgumentHelp(tr("Mã in trong ký hiệu.", en: "The code printed in ký hiệu."), valueName: tr("mã", en: "code")))
        var code: String

        @Option(help: ArgumentHelp(tr("Tên loại.", en: "The type's name."), valueName: tr("tên", en: "name")))
        var name: String

        @Flag(
            name: .customLong("not-in-notation"),
            help: ArgumentHelp(
                tr(
                    "Ký hiệu của loại này không có mã loại (như công văn của cơ quan nhà nước).",
                    en: "The ký hiệu of this type carries no type code (like a state công văn).")))
        var notInNotation = false

        func run() throws {
            try global.withRegistry { registry in
                let type = try SetupService(registry).addDocumentType(code: code, name: name, inNotation: !notInNotation)
                if global.json { return try Terminal.json(["code": type.code, "name": type.name, "style": type.style.rawValue]) }
                Terminal.print(Terminal.label("Đã thêm loại \(type.code): \(type.name).", "Added type \(type.code): \(type.name)."))
            }
        }
    }
}
