public import Foundation

/// A failure the clerk can understand and act on.
///
/// Every case has a message in Vietnamese and in English, and an exit code from `sysexits.h`.
public enum RegistryError: Error, Equatable, Sendable {
    // Input
    case invalidDate(String)
    case invalidPeriod(String)
    case dateInFuture(field: Field, date: LocalDate, today: LocalDate)
    case dateOrder(earlier: Field, later: Field)
    case emptyField(Field)
    case invalidNotation(String)
    case unknownDocumentType(code: String, suggestions: [String])
    case invalidValue(field: Field, value: String, allowed: [String])
    /// A code that must be letters and digits only; `examples` are examples, not the allowed set.
    case invalidCode(field: Field, value: String, examples: [String])
    case invalidReference(String)
    /// A journal hash given with `--expect` that is not 64 hexadecimal digits.
    case invalidHash(String)
    case invalidNumber(String)
    case duplicateDocumentType(String)
    case tooLong(field: Field, length: Int, limit: Int)
    case countOutOfRange(Int, limit: Int)
    case numberOutOfRange(Int, limit: Int)
    case notationNeedsUnit(typeName: String)
    // Registry state
    case duplicateDocument(existing: String, registeredOn: LocalDate)
    case documentNotFound(String)
    case ambiguousReference(String, candidates: [String])
    case alreadyVoided(String, reason: String)
    case subNumberBaseMissing(String)
    case noRegisterForDate(kind: RegisterKind, date: LocalDate)
    case registerClosed(String)
    case registerOverlap(kind: RegisterKind, start: LocalDate, end: LocalDate)
    case nothingToChange
    case seriesAlreadyStarted(String)
    /// The document at a position (from 1) of a batch was refused, for `cause`.
    indirect case batchItem(Int, cause: RegistryError)
    // Handling and dispatch
    case invalidDeadline(String)
    case wrongDirection(String, expected: Direction)
    case statusForbids(String, status: HandlingStatus, action: HandlingStep.Action)
    case voidedDocument(String)
    case unitNotRouted(unit: String, reference: String, units: [String])
    case recipientNotListed(name: String, reference: String, recipients: [String])
    case alreadyDispatched(name: String, reference: String, on: LocalDate)
    case nothingToDispatch(String)
    case statutoryHoliday(LocalDate, name: String)
    case noAnnouncedDay(LocalDate)
    case dayAlreadyAdded(LocalDate, name: String)
    // Database
    case databaseNotFound(path: String)
    case databaseUnreadable(path: String)
    case databaseExists(path: String)
    case notAVanThuDatabase(path: String)
    case databaseTooNew(path: String)
    case databaseReadOnly(path: String)
    case databaseBusy(path: String)
    case databaseCorrupt(path: String)
    case diskFull(path: String)
    case cannotCreateDatabase(path: String, reason: Bilingual)
    case cannotWriteFile(path: String, reason: Bilingual)
    case outputIsProtected(path: String)
    case outputNotAFile(path: String)
    case storage(String)
    /// Long work stopped at the clerk's request (Ctrl-C), before it wrote anything.
    case interrupted

    /// The field of a document that a message talks about.
    public enum Field: String, Sendable, CaseIterable {
        case arrivalDate, issuedDate, dueDate, summary, issuer, signer, reason, organization
        case organizationCode, handler, recipient, notation, typeCode, urgency, secrecy, style
        case pages, termStart, termEnd, user, period, periodStart, periodEnd, lead, via, envelopes, holidayName
        case note, typeName, position, recipientList, attachmentName
        case transferDate, doneDate, receiptDate, progressNote, dossierTitle, fileNotation, dossierEnd, holdReason, dossierStatus, searchText
        case bindingMargin

        public func name(in lang: Language) -> String {
            switch (self, lang) {
            case (.arrivalDate, .vi): "ngày đến"
            case (.arrivalDate, .en): "arrival date"
            case (.issuedDate, .vi): "ngày tháng văn bản"
            case (.issuedDate, .en): "document date"
            case (.dueDate, .vi): "hạn giải quyết"
            case (.dueDate, .en): "due date"
            case (.summary, .vi): "trích yếu nội dung"
            case (.summary, .en): "summary (trích yếu)"
            case (.issuer, .vi): "cơ quan ban hành (tác giả)"
            case (.issuer, .en): "issuing body"
            case (.signer, .vi): "người ký"
            case (.signer, .en): "signer"
            case (.reason, .vi): "lý do"
            case (.reason, .en): "reason"
            case (.organization, .vi): "tên cơ quan"
            case (.organization, .en): "agency name"
            case (.organizationCode, .vi): "chữ viết tắt tên cơ quan"
            case (.organizationCode, .en): "agency abbreviation"
            case (.handler, .vi): "đơn vị hoặc người nhận"
            case (.handler, .en): "handler"
            case (.recipient, .vi): "nơi nhận"
            case (.recipient, .en): "recipient"
            case (.notation, .vi): "số, ký hiệu"
            case (.notation, .en): "number and notation"
            case (.typeCode, .vi): "mã loại văn bản"
            case (.typeCode, .en): "document type code"
            case (.urgency, .vi): "độ khẩn"
            case (.urgency, .en): "urgency"
            case (.secrecy, .vi): "độ mật"
            case (.secrecy, .en): "secrecy"
            case (.style, .vi): "kiểu cơ quan"
            case (.style, .en): "agency style"
            case (.pages, .vi): "số trang"
            case (.pages, .en): "page count"
            case (.termStart, .vi): "ngày bắt đầu nhiệm kỳ"
            case (.termStart, .en): "term start"
            case (.termEnd, .vi): "ngày kết thúc nhiệm kỳ"
            case (.termEnd, .en): "term end"
            case (.user, .vi): "người thao tác"
            case (.user, .en): "user"
            case (.period, .vi): "kỳ (--year, --month, --quarter hoặc --from/--to)"
            case (.period, .en): "period (--year, --month, --quarter or --from/--to)"
            case (.periodStart, .vi): "ngày đầu kỳ"
            case (.periodStart, .en): "period start"
            case (.periodEnd, .vi): "ngày cuối kỳ"
            case (.periodEnd, .en): "period end"
            case (.lead, .vi): "đơn vị chủ trì"
            case (.lead, .en): "lead unit"
            case (.via, .vi): "cách gửi"
            case (.via, .en): "dispatch channel"
            case (.envelopes, .vi): "số lượng bì"
            case (.envelopes, .en): "number of envelopes"
            case (.holidayName, .vi): "tên ngày nghỉ"
            case (.holidayName, .en): "name of the day"
            case (.recipientList, .vi): "danh sách nơi nhận"
            case (.recipientList, .en): "list of recipients"
            case (.attachmentName, .vi): "tên tệp đính kèm"
            case (.attachmentName, .en): "attachment name"
            case (.note, .vi): "ghi chú"
            case (.note, .en): "note"
            case (.typeName, .vi): "tên loại văn bản"
            case (.typeName, .en): "document type name"
            case (.position, .vi): "chức vụ người ký"
            case (.position, .en): "signer's position"
            case (.transferDate, .vi): "ngày chuyển"
            case (.transferDate, .en): "routing date"
            case (.doneDate, .vi): "ngày giải quyết xong"
            case (.doneDate, .en): "date handled"
            case (.receiptDate, .vi): "ngày ký nhận"
            case (.receiptDate, .en): "receipt date"
            case (.progressNote, .vi): "nội dung tiến độ (--note)"
            case (.progressNote, .en): "progress note (--note)"
            case (.dossierTitle, .vi): "tiêu đề hồ sơ (--title)"
            case (.dossierTitle, .en): "hồ sơ title (--title)"
            case (.fileNotation, .vi): "số và ký hiệu hồ sơ"
            case (.fileNotation, .en): "hồ sơ number"
            case (.dossierEnd, .vi): "ngày kết thúc hồ sơ"
            case (.dossierEnd, .en): "hồ sơ end date"
            case (.holdReason, .vi): "lý do giữ lại (--reason)"
            case (.holdReason, .en): "reason for the hold (--reason)"
            case (.dossierStatus, .vi): "trạng thái hồ sơ (--status)"
            case (.dossierStatus, .en): "hồ sơ status (--status)"
            case (.searchText, .vi): "từ cần tìm (hoặc ít nhất một điều kiện lọc như --year, --type, --status)"
            case (.searchText, .en): "text to search for (or at least one filter such as --year, --type, --status)"
            case (.bindingMargin, .vi): "lề đóng gáy (--binding-margin, tính bằng mm)"
            case (.bindingMargin, .en): "binding margin (--binding-margin, in mm)"
            }
        }
    }

    /// The exit code the command line returns for this error.
    public var exitCode: Int32 {
        switch self {
        case .databaseNotFound, .databaseUnreadable: 66  // EX_NOINPUT
        case .databaseReadOnly: 77  // EX_NOPERM
        case .databaseBusy: 75  // EX_TEMPFAIL
        case .cannotCreateDatabase, .cannotWriteFile, .databaseExists, .outputIsProtected, .outputNotAFile: 73  // EX_CANTCREAT
        case .diskFull, .storage, .databaseCorrupt: 74  // EX_IOERR
        case .interrupted: 130  // 128 + SIGINT, as a shell reports a command stopped by Ctrl-C
        case .notAVanThuDatabase, .databaseTooNew: 65  // EX_DATAERR
        default: 65  // EX_DATAERR
        }
    }

}

extension String {
    public var capitalizedFirst: String {
        guard let first else { return self }
        return String(first).uppercased() + dropFirst()
    }
}

extension RegistryError: ClerkFacingError {
    public static var domain: String { "registry" }

    /// What is wrong and what to do, in both languages side by side.
    public var text: Bilingual {
        switch self {
        case .invalidDate(let s):
            Bilingual(
                vi: "Ngày “\(s)” không hợp lệ. Hãy nhập ngày có thật, dạng 20/8/2021, 20-8-2021 hoặc 2021-08-20.",
                en: "“\(s)” is not a valid date. Enter a real date such as 20/8/2021, 20-8-2021 or 2021-08-20.")
        case .invalidPeriod(let s):
            Bilingual(
                vi: "Kỳ “\(s)” không hợp lệ. Tháng ghi dạng 2021-08, quý ghi dạng 2021-Q3.",
                en: "“\(s)” is not a valid period. Write a month as 2021-08 and a quarter as 2021-Q3.")
        case .dateInFuture(let field, let date, let today):
            Bilingual(
                vi: "\(field.name(in: .vi).capitalizedFirst) \(date.vietnamese) ở tương lai (hôm nay là \(today.vietnamese)). Hãy kiểm tra lại ngày.",
                en: "The \(field.name(in: .en)) \(date.vietnamese) is in the future (today is \(today.vietnamese)). Check the date.")
        case .dateOrder(let earlier, let later):
            Bilingual(
                vi: "\(earlier.name(in: .vi).capitalizedFirst) không được sau \(later.name(in: .vi)). Hãy kiểm tra lại hai ngày này.",
                en: "The \(earlier.name(in: .en)) cannot be after the \(later.name(in: .en)). Check both dates.")
        case .emptyField(let field):
            Bilingual(
                vi: "Thiếu \(field.name(in: .vi)). Hãy nhập \(field.name(in: .vi)).",
                en: "The \(field.name(in: .en)) is missing. Enter it.")
        case .invalidNotation(let s):
            Bilingual(
                vi: "Số, ký hiệu “\(s)” không đúng thể thức. Ví dụ đúng: 15/QĐ-UBND, 899/STTTT-TTBCBC, 12-BC/TU, 30/2020/NĐ-CP.",
                en: "“\(s)” is not a valid number and notation. Valid examples: 15/QĐ-UBND, 899/STTTT-TTBCBC, 12-BC/TU, 30/2020/NĐ-CP.")
        case .unknownDocumentType(let code, let suggestions):
            Bilingual(
                vi: "Không có loại văn bản mã “\(code)”."
                    + (suggestions.isEmpty ? "" : " Có phải là: \(suggestions.joined(separator: ", "))?")
                    + " Xem danh sách bằng “vanthu types”, thêm loại mới bằng “vanthu types add”.",
                en: "There is no document type with code “\(code)”."
                    + (suggestions.isEmpty ? "" : " Did you mean: \(suggestions.joined(separator: ", "))?")
                    + " List them with “vanthu types”; add one with “vanthu types add”.")
        case .invalidValue(let field, let value, let allowed):
            Bilingual(
                vi: "Giá trị “\(value)” không hợp lệ cho \(field.name(in: .vi)). Giá trị được phép: \(allowed.joined(separator: ", ")).",
                en: "“\(value)” is not a valid \(field.name(in: .en)). Allowed: \(allowed.joined(separator: ", ")).")
        case .invalidCode(let field, let value, let examples):
            Bilingual(
                vi:
                    "Giá trị “\(value)” không hợp lệ cho \(field.name(in: .vi)): chỉ gồm chữ và số, không dấu cách hay dấu gạch. Ví dụ: \(examples.joined(separator: ", ")).",
                en:
                    "“\(value)” is not a valid \(field.name(in: .en)): letters and digits only, no spaces or dashes. For example: \(examples.joined(separator: ", "))."
            )
        case .invalidHash(let s):
            Bilingual(
                vi:
                    "Mã băm “\(s)” không đúng dạng: cần đủ 64 chữ số 0–9, a–f, như “vanthu journal verify” in ra ở dòng cuối. Hãy chép lại từ biên bản.",
                en:
                    "“\(s)” is not a journal hash: it takes 64 digits 0–9, a–f, as “vanthu journal verify” prints on its last line. Copy it again from the minutes."
            )
        case .invalidReference(let s):
            Bilingual(
                vi: "Không hiểu tham chiếu “\(s)”. Hãy dùng mã số (id) hoặc dạng den/2021/783, di/2021/BC/86.",
                en: "Cannot read the reference “\(s)”. Use an id or a form such as den/2021/783 or di/2021/BC/86.")
        case .invalidNumber(let s):
            Bilingual(
                vi: "Số “\(s)” không hợp lệ. Hãy nhập số nguyên dương, ví dụ 12.",
                en: "“\(s)” is not a valid number. Enter a positive whole number such as 12.")
        case .tooLong(let field, let length, let limit):
            Bilingual(
                vi:
                    "\(field.name(in: .vi).capitalizedFirst) dài \(length) ký tự, quá giới hạn \(limit) ký tự. Hãy rút gọn (phần chi tiết ghi vào tệp đính kèm).",
                en:
                    "The \(field.name(in: .en)) is \(length) characters long, over the limit of \(limit). Shorten it (put the details in an attachment)."
            )
        case .countOutOfRange(let value, let limit):
            Bilingual(
                vi: "Số lượng \(value) không hợp lệ. Hãy nhập số nguyên từ 1 đến \(limit).",
                en: "\(value) is not a valid count. Enter a whole number from 1 to \(limit).")
        case .numberOutOfRange(let value, let limit):
            Bilingual(
                vi: "Số \(value) vượt quá giới hạn của sổ (1 đến \(limit)). Hãy kiểm tra lại số.",
                en: "Number \(value) is beyond a register's range (1 to \(limit)). Check the number.")
        case .duplicateDocumentType(let code):
            Bilingual(
                vi: "Loại văn bản mã “\(code)” đã có. Hãy chọn mã khác.",
                en: "A document type with code “\(code)” already exists. Choose another code.")
        case .notationNeedsUnit(let typeName):
            Bilingual(
                vi: "\(typeName) cần chữ viết tắt của đơn vị soạn thảo để ghi ký hiệu (ví dụ STTTT-TTBCBC). Hãy thêm --unit.",
                en: "A \(typeName) needs the drafting unit's abbreviation for its notation (e.g. STTTT-TTBCBC). Add --unit.")
        case .duplicateDocument(let existing, let date):
            Bilingual(
                vi:
                    "Văn bản này đã được đăng ký: \(existing), ngày \(date.vietnamese) (trùng số, ký hiệu và cơ quan ban hành). Nếu đúng là văn bản khác, thêm --force.",
                en:
                    "This document is already registered: \(existing), on \(date.vietnamese) (same number, notation and issuing body). If it really is another document, add --force."
            )
        case .documentNotFound(let ref):
            Bilingual(
                vi: "Không tìm thấy văn bản “\(ref)”. Xem danh sách bằng “vanthu list”.",
                en: "No document “\(ref)”. See the list with “vanthu list”.")
        case .ambiguousReference(let ref, let candidates):
            Bilingual(
                vi: "“\(ref)” chỉ tới nhiều văn bản: \(candidates.joined(separator: ", ")). Hãy ghi rõ hơn.",
                en: "“\(ref)” matches several documents: \(candidates.joined(separator: ", ")). Be more specific.")
        case .alreadyVoided(let ref, let reason):
            Bilingual(
                vi: "Số \(ref) đã bị hủy trước đó (lý do: \(reason)). Một số chỉ hủy được một lần.",
                en: "Number \(ref) was already voided (reason: \(reason)). A number can be voided only once.")
        case .subNumberBaseMissing(let ref):
            Bilingual(
                vi: "Chưa có số \(ref) để cấp số phụ. Số phụ (ví dụ 12a) chỉ cấp sau một số đã có.",
                en: "Number \(ref) does not exist, so it cannot get a sub-number (such as 12a).")
        case .noRegisterForDate(let kind, let date):
            Bilingual(
                vi:
                    "Chưa có \(kind.vietnameseName.lowercased()) cho ngày \(date.vietnamese). Khai báo nhiệm kỳ bằng “vanthu register term --start … --end …”.",
                en: "There is no \(kind.englishName) covering \(date.vietnamese). Declare the term with “vanthu register term --start … --end …”.")
        case .registerClosed(let name):
            Bilingual(
                vi: "\(name) đã đóng sổ; không đăng ký thêm được. Nếu kỳ của sổ chưa hết, mở quyển mới bằng “vanthu register new-volume …”.",
                en:
                    "\(name) is closed; nothing more can be registered in it. If its period is not over, open a new volume with “vanthu register new-volume …”."
            )
        case .registerOverlap(let kind, let start, let end):
            Bilingual(
                vi: "Khoảng \(start.vietnamese)–\(end.vietnamese) trùng với một \(kind.vietnameseName.lowercased()) đã có.",
                en: "The period \(start.vietnamese)–\(end.vietnamese) overlaps an existing \(kind.englishName).")
        case .nothingToChange:
            Bilingual(
                vi: "Không có gì để thay đổi. Hãy ghi ít nhất một trường cần sửa.",
                en: "Nothing to change. Give at least one field to correct.")
        case .batchItem(let position, let cause):
            Bilingual(
                vi: "Văn bản thứ \(position): \(cause.text.vi) Không văn bản nào được vào sổ.",
                en: "Document \(position): \(cause.text.en) No document was registered.")
        case .invalidDeadline(let s):
            Bilingual(
                vi: "Thời hạn “\(s)” không hợp lệ. Ghi số ngày làm việc (10wd hoặc 10nlv), số ngày (7d) hoặc một ngày (15/9/2021).",
                en: "“\(s)” is not a valid deadline. Write working days (10wd), calendar days (7d) or a date (15/9/2021).")
        case .wrongDirection(let ref, let expected):
            Bilingual(
                vi: expected == .incoming
                    ? "\(ref) là văn bản đi; lệnh này chỉ dùng cho văn bản đến."
                    : "\(ref) là văn bản đến; ở đây cần một văn bản đi (ví dụ di/2021/CV/12).",
                en: expected == .incoming
                    ? "\(ref) is an outgoing document; this command is for incoming documents."
                    : "\(ref) is an incoming document; an outgoing one is needed here (such as di/2021/CV/12).")
        case .statusForbids(let ref, let status, let action):
            Bilingual(
                vi: "Văn bản \(ref) đang ở trạng thái “\(status.vietnamese)”; không thể ghi “\(action.name(in: .vi).lowercased())”."
                    + (action == .reopen
                        ? " Chỉ mở lại được văn bản đã giải quyết xong hoặc đã trả lại."
                        : status.isOpen
                            ? " Hãy chuyển văn bản (vanthu route) trước." : " Nếu cần xử lý tiếp, mở lại bằng “vanthu reopen \(ref) --reason …”."),
                en: "Document \(ref) is “\(status.english)”; it cannot be marked “\(action.name(in: .en).lowercased())”."
                    + (action == .reopen
                        ? " Only a done or returned document can be reopened."
                        : status.isOpen
                            ? " Route it first (vanthu route)." : " To handle it again, reopen it with “vanthu reopen \(ref) --reason …”."))
        case .voidedDocument(let ref):
            Bilingual(
                vi: "Số \(ref) đã bị hủy; không thể xử lý văn bản mang số đã hủy.",
                en: "Number \(ref) is voided; a voided number cannot be handled.")
        case .unitNotRouted(let unit, let ref, let units):
            Bilingual(
                vi: "“\(unit)” không phải đơn vị được giao văn bản \(ref) (đã giao: \(units.joined(separator: ", "))). Hãy kiểm tra tên đơn vị.",
                en: "“\(unit)” was not given document \(ref) (given to: \(units.joined(separator: ", "))). Check the unit's name.")
        case .recipientNotListed(let name, let ref, let recipients):
            Bilingual(
                vi: "“\(name)” không có trong Nơi nhận của \(ref) (\(recipients.joined(separator: "; ")))."
                    + " Nếu đúng là gửi thêm nơi ngoài danh sách, thêm --extra.",
                en: "“\(name)” is not in the Nơi nhận of \(ref) (\(recipients.joined(separator: "; ")))."
                    + " To send to someone outside the list, add --extra.")
        case .alreadyDispatched(let name, let ref, let day):
            Bilingual(
                vi: "\(ref) đã gửi cho “\(name)” ngày \(day.vietnamese). Nếu gửi lại, thêm --again.",
                en: "\(ref) was already sent to “\(name)” on \(day.vietnamese). To send it again, add --again.")
        case .nothingToDispatch(let ref):
            Bilingual(
                vi: "\(ref) đã gửi đủ cho mọi nơi nhận; không còn nơi nào chưa gửi.",
                en: "\(ref) has been sent to every recipient; nothing is left to send.")
        case .statutoryHoliday(let date, let name):
            Bilingual(
                vi:
                    "Ngày \(date.vietnamese) là ngày nghỉ theo Bộ luật Lao động (\(name)), không xóa được. Nếu Chính phủ cho đi làm ngày này, dùng “vanthu holidays add \(date.vietnamese) --workday --name …”.",
                en:
                    "\(date.vietnamese) is a public holiday by the Labour Code (\(name)) and cannot be removed. If the government made it a working day, use “vanthu holidays add \(date.vietnamese) --workday --name …”."
            )
        case .noAnnouncedDay(let date):
            Bilingual(
                vi: "Chưa có ngày \(date.vietnamese) trong các ngày đã thêm. Xem bằng “vanthu holidays list --year \(date.year)”.",
                en: "\(date.vietnamese) is not among the days you added. See them with “vanthu holidays list --year \(date.year)”.")
        case .dayAlreadyAdded(let date, let name):
            Bilingual(
                vi:
                    "Ngày \(date.vietnamese) đã được thêm (“\(name)”). Nếu cần thay, thêm --replace; nếu nhầm, xóa bằng “vanthu holidays remove \(date.vietnamese)”.",
                en:
                    "\(date.vietnamese) was already added (“\(name)”). To replace it, add --replace; if it was a mistake, remove it with “vanthu holidays remove \(date.vietnamese)”."
            )
        case .seriesAlreadyStarted(let register):
            Bilingual(
                vi: "\(register) đã có văn bản; chỉ đặt số bắt đầu được khi dãy số còn trống.",
                en: "\(register) already holds documents; the first number can be set only while the series is empty.")
        case .databaseNotFound(let path):
            Bilingual(
                vi: "Không tìm thấy cơ sở dữ liệu “\(path)”. Hãy tạo bằng “vanthu init” hoặc chỉ đúng tệp bằng --db.",
                en: "Database “\(path)” not found. Create it with “vanthu init” or point to it with --db.")
        case .databaseUnreadable(let path):
            Bilingual(
                vi: "Không đọc được cơ sở dữ liệu “\(path)”. Hãy cấp quyền đọc cho tệp rồi làm lại.",
                en: "Cannot read database “\(path)”. Make the file readable and try again.")
        case .databaseExists(let path):
            Bilingual(
                vi: "Đã có cơ sở dữ liệu “\(path)”. vanthu không ghi đè; hãy chọn tệp khác bằng --db.",
                en: "Database “\(path)” already exists. vanthu never overwrites; choose another file with --db.")
        case .notAVanThuDatabase(let path):
            Bilingual(
                vi: "Tệp “\(path)” không phải cơ sở dữ liệu vanthu (hoặc đã hỏng). Hãy kiểm tra đường dẫn --db.",
                en: "“\(path)” is not a vanthu database (or it is damaged). Check the --db path.")
        case .databaseTooNew(let path):
            Bilingual(
                vi: "Cơ sở dữ liệu “\(path)” được tạo bằng phiên bản vanthu mới hơn; phiên bản này không ghi vào được. Hãy cập nhật vanthu.",
                en: "Database “\(path)” was made by a newer vanthu; this version cannot write to it. Update vanthu.")
        case .databaseReadOnly(let path):
            Bilingual(
                vi: "Cơ sở dữ liệu “\(path)” chỉ cho phép đọc. Hãy cấp quyền ghi cho tệp (và thư mục chứa nó) rồi làm lại.",
                en: "Database “\(path)” is read-only. Make the file (and its folder) writable and try again.")
        case .databaseBusy(let path):
            Bilingual(
                vi: "Cơ sở dữ liệu “\(path)” đang bận (người khác đang ghi quá lâu). Hãy thử lại sau ít phút.",
                en: "Database “\(path)” is busy (another clerk is writing for too long). Try again in a few minutes.")
        case .databaseCorrupt(let path):
            Bilingual(
                vi: "Cơ sở dữ liệu “\(path)” bị hỏng. Hãy khôi phục từ bản sao lưu.",
                en: "Database “\(path)” is damaged. Restore it from a backup.")
        case .diskFull(let path):
            Bilingual(
                vi:
                    "Đĩa đã đầy (hoặc tệp đã đến giới hạn dung lượng), không ghi được vào “\(path)”. Không có gì bị thay đổi; hãy giải phóng dung lượng rồi làm lại.",
                en:
                    "The disk is full (or the file reached its size limit); cannot write to “\(path)”. Nothing was changed; free some space and try again."
            )
        case .cannotCreateDatabase(let path, let reason):
            Bilingual(
                vi: "Không tạo được cơ sở dữ liệu “\(path)”: \(reason.vi).",
                en: "Cannot create database “\(path)”: \(reason.en).")
        case .cannotWriteFile(let path, let reason):
            Bilingual(
                vi: "Không ghi được “\(path)”: \(reason.vi). Không có tệp nào bị ghi dở.",
                en: "Cannot write “\(path)”: \(reason.en). No half-written file was left.")
        case .outputIsProtected(let path):
            Bilingual(
                vi:
                    "Không ghi ra “\(path)”: đó là cơ sở dữ liệu, tệp đi kèm của nó, kho tệp đính kèm hoặc một bản sao lưu. Hãy chọn tên tệp khác bằng -o.",
                en:
                    "Will not write to “\(path)”: it is the database, one of its companion files, the attachment store or a backup. Choose another name with -o."
            )
        case .outputNotAFile(let path):
            Bilingual(
                vi: "Không ghi ra “\(path)”: đó không phải tệp thường (thư mục, liên kết, FIFO hay thiết bị). Hãy chọn tên tệp khác bằng -o.",
                en: "Will not write to “\(path)”: it is not a regular file (a folder, link, FIFO or device). Choose another name with -o.")
        case .storage(let detail):
            Bilingual(
                vi: "Lỗi khi đọc/ghi cơ sở dữ liệu: \(detail). Không có gì bị thay đổi.",
                en: "Database read/write error: \(detail). Nothing was changed.")
        case .interrupted:
            Bilingual(
                vi: "Đã dừng theo yêu cầu (Ctrl-C). Không có gì được ghi: chạy lại lệnh khi cần.",
                en: "Stopped at your request (Ctrl-C). Nothing was written: run the command again when needed.")
        }
    }
}

extension RegistryError {
    /// Each case without its values, one for one: a test asks every case for its messages
    /// (`Kind.allCases`), and a new case cannot be added without its kind.
    public enum Kind: String, CaseIterable, Sendable {
        case invalidDate
        case invalidPeriod
        case dateInFuture
        case dateOrder
        case emptyField
        case invalidNotation
        case unknownDocumentType
        case invalidValue
        case invalidCode
        case invalidReference
        case invalidHash
        case invalidNumber
        case duplicateDocumentType
        case tooLong
        case countOutOfRange
        case numberOutOfRange
        case notationNeedsUnit
        case duplicateDocument
        case documentNotFound
        case ambiguousReference
        case alreadyVoided
        case subNumberBaseMissing
        case noRegisterForDate
        case registerClosed
        case registerOverlap
        case nothingToChange
        case seriesAlreadyStarted
        case batchItem
        case invalidDeadline
        case wrongDirection
        case statusForbids
        case voidedDocument
        case unitNotRouted
        case recipientNotListed
        case alreadyDispatched
        case nothingToDispatch
        case statutoryHoliday
        case noAnnouncedDay
        case dayAlreadyAdded
        case databaseNotFound
        case databaseUnreadable
        case databaseExists
        case notAVanThuDatabase
        case databaseTooNew
        case databaseReadOnly
        case databaseBusy
        case databaseCorrupt
        case diskFull
        case cannotCreateDatabase
        case cannotWriteFile
        case outputIsProtected
        case outputNotAFile
        case storage
        case interrupted
    }

    public var kind: Kind {
        switch self {
        case .invalidDate: .invalidDate
        case .invalidPeriod: .invalidPeriod
        case .dateInFuture: .dateInFuture
        case .dateOrder: .dateOrder
        case .emptyField: .emptyField
        case .invalidNotation: .invalidNotation
        case .unknownDocumentType: .unknownDocumentType
        case .invalidValue: .invalidValue
        case .invalidCode: .invalidCode
        case .invalidReference: .invalidReference
        case .invalidHash: .invalidHash
        case .invalidNumber: .invalidNumber
        case .duplicateDocumentType: .duplicateDocumentType
        case .tooLong: .tooLong
        case .countOutOfRange: .countOutOfRange
        case .numberOutOfRange: .numberOutOfRange
        case .notationNeedsUnit: .notationNeedsUnit
        case .duplicateDocument: .duplicateDocument
        case .documentNotFound: .documentNotFound
        case .ambiguousReference: .ambiguousReference
        case .alreadyVoided: .alreadyVoided
        case .subNumberBaseMissing: .subNumberBaseMissing
        case .noRegisterForDate: .noRegisterForDate
        case .registerClosed: .registerClosed
        case .registerOverlap: .registerOverlap
        case .nothingToChange: .nothingToChange
        case .seriesAlreadyStarted: .seriesAlreadyStarted
        case .batchItem: .batchItem
        case .invalidDeadline: .invalidDeadline
        case .wrongDirection: .wrongDirection
        case .statusForbids: .statusForbids
        case .voidedDocument: .voidedDocument
        case .unitNotRouted: .unitNotRouted
        case .recipientNotListed: .recipientNotListed
        case .alreadyDispatched: .alreadyDispatched
        case .nothingToDispatch: .nothingToDispatch
        case .statutoryHoliday: .statutoryHoliday
        case .noAnnouncedDay: .noAnnouncedDay
        case .dayAlreadyAdded: .dayAlreadyAdded
        case .databaseNotFound: .databaseNotFound
        case .databaseUnreadable: .databaseUnreadable
        case .databaseExists: .databaseExists
        case .notAVanThuDatabase: .notAVanThuDatabase
        case .databaseTooNew: .databaseTooNew
        case .databaseReadOnly: .databaseReadOnly
        case .databaseBusy: .databaseBusy
        case .databaseCorrupt: .databaseCorrupt
        case .diskFull: .diskFull
        case .cannotCreateDatabase: .cannotCreateDatabase
        case .cannotWriteFile: .cannotWriteFile
        case .outputIsProtected: .outputIsProtected
        case .outputNotAFile: .outputNotAFile
        case .storage: .storage
        case .interrupted: .interrupted
        }
    }
}
