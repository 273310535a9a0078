/// The pages' templates (Mustache: `{{x}}` is HTML-escaped, `{{{x}}}` is not and only ever holds
/// HTML rendered by another of these templates). Built into the binary: the server needs no file.
enum Templates {
    static let all: [String: String] = [
        "layout": layout, "login": login, "inbox": inbox, "documents": documents, "document": document,
        "register": register, "overdue": overdue, "users": users, "error": error, "rows": rows,
    ]

    static let layout = """
        <!DOCTYPE html>
        <html lang="vi">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{title}} · {{organization}}</title>
        <style>
        :root { --ink: #1a1a1a; --line: #c9c9c9; --accent: #8b1a1a; --soft: #f4f1ea; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 15px/1.45 "Liberation Serif", "Times New Roman", serif; color: var(--ink); background: #fff; }
        header { background: var(--accent); color: #fff; padding: 6px 16px; display: flex; align-items: center; gap: 18px; flex-wrap: wrap; }
        header .org { font-weight: bold; text-transform: uppercase; letter-spacing: .02em; }
        header nav a { color: #fff; text-decoration: none; margin-right: 14px; }
        header nav a.here { text-decoration: underline; }
        header .who { margin-left: auto; font-size: 14px; }
        header form { display: inline; }
        header button { background: none; border: 1px solid #fff; color: #fff; padding: 2px 8px; cursor: pointer; font: inherit; }
        main { padding: 12px 16px; max-width: 1340px; }
        h1 { font-size: 21px; margin: 6px 0 10px; }
        h2 { font-size: 17px; margin: 16px 0 6px; border-bottom: 1px solid var(--line); }
        table { border-collapse: collapse; width: 100%; font-size: 14px; }
        th, td { border: 1px solid var(--line); padding: 3px 6px; text-align: left; vertical-align: top; }
        th { background: var(--soft); }
        td.num { text-align: right; white-space: nowrap; }
        .urgent { color: var(--accent); font-weight: bold; }
        .late { background: #fbe3e3; }
        .void { color: #777; text-decoration: line-through; }
        .notice { background: #eef6ee; border: 1px solid #9c9; padding: 6px 10px; margin: 8px 0; }
        .problem { background: #fbe3e3; border: 1px solid #c99; padding: 6px 10px; margin: 8px 0; }
        form.filters { display: flex; flex-wrap: wrap; gap: 6px 12px; align-items: end; margin-bottom: 10px; }
        form.filters label, form.stack label { display: flex; flex-direction: column; font-size: 13px; }
        form.stack { display: grid; grid-template-columns: repeat(auto-fill, minmax(300px, 1fr)); gap: 8px 16px; max-width: 1000px; }
        form.stack .wide { grid-column: 1 / -1; }
        input, select, textarea { font: inherit; padding: 3px 5px; border: 1px solid #999; }
        textarea { width: 100%; min-height: 3.2em; }
        button.go { background: var(--accent); color: #fff; border: 0; padding: 5px 14px; font: inherit; cursor: pointer; }
        .stamp { display: inline-block; border: 2px solid #1b3f8b; color: #1b3f8b; padding: 4px 10px 6px; min-width: 300px; line-height: 1.4; }
        .stamp .org { text-align: center; font-weight: bold; text-transform: uppercase; border-bottom: 1px solid #1b3f8b; margin-bottom: 3px; }
        .stamp .den { float: left; font-weight: bold; font-size: 22px; padding: 6px 12px 0 2px; border-right: 1px solid #1b3f8b; margin-right: 8px; height: 3.1em; }
        .stamp .marks { color: var(--accent); font-weight: bold; text-align: center; }
        .fields th { width: 190px; }
        .fields th, .fields td { padding: 2px 6px; }
        .sheet { display: grid; grid-template-columns: minmax(0, 7fr) minmax(0, 5fr); gap: 0 20px; }
        .sheet h2:first-child { margin-top: 0; }
        @media (max-width: 1000px) { .sheet { grid-template-columns: 1fr; } }
        .actions { display: grid; grid-template-columns: repeat(auto-fill, minmax(400px, 1fr)); gap: 12px; }
        .actions form { border: 1px solid var(--line); padding: 8px 10px; background: #fcfbf8; }
        .muted { color: #666; font-size: 13px; }
        .chart rect { fill: var(--accent); }
        .chart text { font: 12px "Liberation Serif", serif; }
        @media print { header nav, header form, form, .noprint { display: none !important; } body { font-size: 12pt; } main { max-width: none; } }
        </style>
        </head>
        <body>
        <header>
          <span class="org">{{organization}}</span>
          {{#account}}
          <nav>
            <a href="/inbox">Gửi cho tôi</a>
            <a href="/documents">Sổ văn bản</a>
            {{#mayRegister}}<a href="/register">Vào sổ văn bản đến</a>{{/mayRegister}}
            {{#mayFollowUp}}<a href="/overdue">Theo dõi hạn</a>{{/mayFollowUp}}
            {{#mayAccounts}}<a href="/users">Tài khoản</a>{{/mayAccounts}}
          </nav>
          <span class="who">{{displayName}} ({{roleName}}{{#unit}}, {{unit}}{{/unit}})
            <form method="post" action="/logout"><input type="hidden" name="csrf" value="{{csrf}}"><button>Đăng xuất</button></form>
          </span>
          {{/account}}
        </header>
        <main>
        {{#notice}}<p class="notice">{{notice}}</p>{{/notice}}
        {{{body}}}
        </main>
        </body>
        </html>
        """

    static let login = """
        <h1>Đăng nhập</h1>
        {{#problem}}<p class="problem">{{problem}}</p>{{/problem}}
        <form method="post" action="/login" class="stack" style="max-width: 360px; grid-template-columns: 1fr;">
          <input type="hidden" name="csrf" value="{{csrf}}">
          <label>Tên đăng nhập <input name="username" autocomplete="username" required autofocus value="{{username}}"></label>
          <label>Mật khẩu <input name="password" type="password" autocomplete="current-password" required></label>
          <div><button class="go">Đăng nhập</button></div>
        </form>
        """

    /// A table of documents, shared by the inbox, the registers and the dashboard.
    static let rows = """
        <table>
        <thead><tr><th>Số</th><th>Ngày đến/đi</th><th>Số, ký hiệu</th><th>Tác giả / Nơi nhận</th><th>Tên loại và trích yếu</th><th>Chủ trì</th><th>Hạn</th><th>Trạng thái</th></tr></thead>
        <tbody>
        {{#rows}}
        <tr class="{{#late}}late{{/late}}">
          <td class="num"><a href="{{href}}">{{number}}</a></td>
          <td>{{date}}</td>
          <td>{{notation}}</td>
          <td>{{party}}</td>
          <td>{{#urgency}}<span class="urgent">{{urgency}}</span> {{/urgency}}{{#secrecy}}<span class="urgent">{{secrecy}}</span> {{/secrecy}}<span class="{{#voided}}void{{/voided}}">{{typeName}} {{summary}}</span>{{#voided}} <span class="urgent">[Đã hủy: {{voided}}]</span>{{/voided}}</td>
          <td>{{handler}}</td>
          <td>{{due}}</td>
          <td>{{status}}</td>
        </tr>
        {{/rows}}
        {{^rows}}<tr><td colspan="8" class="muted">Không có văn bản nào.</td></tr>{{/rows}}
        </tbody>
        </table>
        """

    static let inbox = """
        <h1>Gửi cho tôi</h1>
        {{#sections}}
        <h2>{{heading}} ({{count}})</h2>
        {{{table}}}
        {{/sections}}
        """

    static let documents = """
        <h1>Sổ văn bản</h1>
        <form class="filters" method="get" action="/documents">
          <label>Sổ <select name="so">{{#books}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{name}}</option>{{/books}}</select></label>
          <label>Tìm <input name="q" value="{{q}}" placeholder="số, ký hiệu, trích yếu, tác giả…"></label>
          <label>Từ ngày <input name="tu" value="{{from}}" placeholder="dd/mm/yyyy" size="10"></label>
          <label>Đến ngày <input name="den" value="{{to}}" placeholder="dd/mm/yyyy" size="10"></label>
          <label>Loại <input name="loai" value="{{type}}" size="5" placeholder="CV, QĐ"></label>
          <label>Tác giả <input name="tac-gia" value="{{issuer}}" size="16"></label>
          <label>Đơn vị <input name="don-vi" value="{{unit}}" size="16" list="units"></label>
          <label>Trạng thái <select name="trang-thai">{{#statuses}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{name}}</option>{{/statuses}}</select></label>
          <label>Độ khẩn <select name="do-khan">{{#urgencies}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{name}}</option>{{/urgencies}}</select></label>
          <button class="go">Lọc</button>
          {{#mayExport}}<a class="noprint" href="{{exportHref}}">Xuất Excel danh sách này</a>{{/mayExport}}
        </form>
        <datalist id="units">{{#units}}<option value="{{.}}">{{/units}}</datalist>
        <p class="muted">{{summary}}</p>
        {{{table}}}
        """

    static let document = """
        <h1>{{title}}</h1>
        {{#problem}}<p class="problem">{{problem}}</p>{{/problem}}
        <div class="sheet">
        <div>
        <table class="fields">
        {{#fields}}<tr><th>{{label}}</th><td>{{value}}</td></tr>{{/fields}}
        </table>
        </div>
        <div>
        {{#stamp}}<h2>Dấu ĐẾN</h2>
        <div class="stamp">{{#marks}}<div class="marks">{{marks}}</div>{{/marks}}<div class="org">{{organization}}</div>
        <div class="den">ĐẾN</div><div>Số: <strong>{{number}}</strong></div><div>Ngày: {{date}}</div>
        <div style="clear: both">Chuyển: {{handler}}</div><div>Số và ký hiệu HS: {{file}}</div></div>
        {{/stamp}}
        <h2>Tệp văn bản</h2>
        <table>
        <thead><tr><th>Tệp</th><th>Loại</th><th>Kích thước</th><th>SHA-256</th><th>Chữ ký số</th></tr></thead>
        <tbody>
        {{#files}}<tr><td><a href="{{href}}" target="_blank" rel="noopener">{{name}}</a></td><td>{{role}}</td><td class="num">{{size}}</td><td class="muted">{{sha}}</td><td>{{#signatures}}<div>{{.}}</div>{{/signatures}}</td></tr>{{/files}}
        {{^files}}<tr><td colspan="5" class="muted">Chưa có tệp nào.</td></tr>{{/files}}
        </tbody>
        </table>
        </div>
        </div>
        {{#hasCitations}}
        <h2>Văn bản được viện dẫn</h2>
        <ul>{{#citations}}<li>{{text}}{{#registered}} — <a href="{{href}}">{{registered}}</a>{{/registered}}</li>{{/citations}}</ul>
        {{/hasCitations}}
        <h2>Quá trình xử lý</h2>
        <table>
        <thead><tr><th>Ngày</th><th>Bước</th><th>Người, đơn vị</th><th>Nội dung</th><th>Ghi bởi</th></tr></thead>
        <tbody>
        {{#steps}}<tr><td>{{day}}</td><td>{{action}}</td><td>{{who}}</td><td>{{text}}</td><td class="muted">{{user}}, {{at}}</td></tr>{{/steps}}
        </tbody>
        </table>
        <div class="actions noprint">
        {{#mayDirect}}
        <form method="post" action="{{base}}/route">
          <h2>Bút phê và phân công</h2>
          <input type="hidden" name="csrf" value="{{csrf}}">
          <label>Ý kiến chỉ đạo<textarea name="direction" required></textarea></label>
          <label>Đơn vị, cá nhân chủ trì <input name="lead" list="units" required></label>
          <label>Phối hợp (mỗi dòng một đơn vị)<textarea name="co"></textarea></label>
          <label>Thời hạn <input name="due" placeholder="10 ngày làm việc: 10wd, hoặc dd/mm/yyyy"></label>
          <button class="go">Chuyển xử lý</button>
        </form>
        {{/mayDirect}}
        {{#mayProgress}}
        <form method="post" action="{{base}}/progress">
          <h2>Báo cáo tiến độ</h2>
          <input type="hidden" name="csrf" value="{{csrf}}">
          <label>Nội dung<textarea name="note" required></textarea></label>
          <button class="go">Ghi tiến độ</button>
        </form>
        {{/mayProgress}}
        {{#mayDone}}
        <form method="post" action="{{base}}/done">
          <h2>Hoàn thành</h2>
          <input type="hidden" name="csrf" value="{{csrf}}">
          <label>Văn bản trả lời (nếu có) <input name="reply" placeholder="di/2026/CV/15"></label>
          <label>Ghi chú<textarea name="note"></textarea></label>
          <button class="go">Đã giải quyết xong</button>
        </form>
        <form method="post" action="{{base}}/return">
          <h2>Trả lại văn bản</h2>
          <input type="hidden" name="csrf" value="{{csrf}}">
          <label>Lý do (ít nhất 10 ký tự)<textarea name="reason" minlength="10" required></textarea></label>
          <button class="go">Trả lại</button>
        </form>
        {{/mayDone}}
        {{#mayVoid}}
        <form method="post" action="{{base}}/void">
          <h2>Hủy số</h2>
          <input type="hidden" name="csrf" value="{{csrf}}">
          <label>Lý do hủy (số vẫn giữ trong sổ)<textarea name="reason" required></textarea></label>
          <button class="go">Hủy số</button>
        </form>
        {{/mayVoid}}
        </div>
        <datalist id="units">{{#units}}<option value="{{.}}">{{/units}}</datalist>
        """

    static let register = """
        <h1>Vào sổ văn bản đến</h1>
        {{#problem}}<p class="problem">{{problem}}</p>{{/problem}}
        <p>Số đến tiếp theo (dự kiến) của {{book}}: <strong id="next-number">{{next}}</strong>. Số chỉ được cấp khi bấm “Vào sổ”.</p>
        <form method="post" action="/register/upload" enctype="multipart/form-data" class="noprint">
          <input type="hidden" name="csrf" value="{{csrf}}">
          <label>Văn bản điện tử (PDF, bản quét, Word) <input type="file" name="file" accept=".pdf,.docx,.txt" required></label>
          <button class="go">Đọc văn bản</button>
        </form>
        {{#upload}}<p class="notice">Đã đọc “{{uploadName}}”{{#ocr}}, các trang {{ocr}} đọc bằng OCR{{/ocr}}. Kiểm tra, sửa các trường rồi bấm “Vào sổ”.</p>
        {{#signatures}}<p>Chữ ký số: {{.}}</p>{{/signatures}}{{/upload}}
        <h2>Thông tin văn bản</h2>
        <form method="post" action="/register" class="stack">
          <input type="hidden" name="csrf" value="{{csrf}}">
          <input type="hidden" name="upload" value="{{upload}}">
          <label>Tác giả (cơ quan ban hành) <input name="issuer" value="{{issuer}}" required></label>
          <label>Số, ký hiệu <input name="notation" value="{{notation}}" placeholder="15/QĐ-UBND"></label>
          <label>Ngày văn bản <input name="issued" value="{{issued}}" placeholder="dd/mm/yyyy"></label>
          <label>Tên loại (mã) <input name="type" value="{{type}}" placeholder="CV, QĐ, BC"></label>
          <label class="wide">Trích yếu nội dung<textarea name="summary" required>{{summary}}</textarea></label>
          <label>Độ khẩn <select name="urgency">{{#urgencies}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{name}}</option>{{/urgencies}}</select></label>
          <label>Độ mật <select name="secrecy">{{#secrecies}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{name}}</option>{{/secrecies}}</select></label>
          <label>Người ký <input name="signer" value="{{signer}}"></label>
          <label>Chức vụ người ký <input name="signerTitle" value="{{signerTitle}}"></label>
          <label>Số trang <input name="pages" value="{{pages}}" size="4"></label>
          <label>Thời hạn giải quyết <input name="due" value="{{due}}" placeholder="dd/mm/yyyy"></label>
          <label class="wide">Ghi chú <input name="note" value="{{note}}"></label>
          <div class="wide"><button class="go">Vào sổ</button></div>
        </form>
        """

    static let overdue = """
        <h1>Theo dõi thời hạn giải quyết</h1>
        <p class="muted">Ngày {{today}}; sắp đến hạn: đến ngày {{soonUntil}}.</p>
        <h2>Theo đơn vị</h2>
        <table style="max-width: 640px">
        <thead><tr><th>Đơn vị chủ trì</th><th>Quá hạn</th><th>Sắp đến hạn</th></tr></thead>
        <tbody>{{#units}}<tr><td>{{unit}}</td><td class="num">{{late}}</td><td class="num">{{soon}}</td></tr>{{/units}}
        {{^units}}<tr><td colspan="3" class="muted">Không có văn bản quá hạn hoặc sắp đến hạn.</td></tr>{{/units}}</tbody>
        </table>
        {{#hasUnits}}
        <svg class="chart" role="img" aria-label="Số văn bản quá hạn theo đơn vị" width="640" height="{{chartHeight}}" viewBox="0 0 640 {{chartHeight}}">
        {{#bars}}<text x="0" y="{{textY}}">{{unit}}</text><rect x="230" y="{{y}}" width="{{width}}" height="16"></rect><text x="{{labelX}}" y="{{textY}}">{{late}}</text>{{/bars}}
        </svg>
        {{/hasUnits}}
        <h2>Văn bản</h2>
        {{{table}}}
        {{#hasMore}}<p class="notice">Còn {{more}} văn bản nữa không hiện ở đây (trang chỉ liệt kê {{shown}} văn bản đầu, văn bản khẩn trước).
        Xem tất cả ở <a href="/documents?trang-thai=overdue">danh sách văn bản quá hạn</a>, lọc theo đơn vị.</p>{{/hasMore}}
        """

    static let users = """
        <h1>Tài khoản</h1>
        {{#problem}}<p class="problem">{{problem}}</p>{{/problem}}
        <table>
        <thead><tr><th>Tên đăng nhập</th><th>Họ tên</th><th>Vai trò</th><th>Đơn vị</th><th>Trạng thái</th><th class="noprint">Thao tác</th></tr></thead>
        <tbody>
        {{#accounts}}<tr><td>{{name}}</td><td>{{fullName}}</td><td>{{role}}</td><td>{{unit}}</td><td>{{state}}</td>
        <td class="noprint"><form method="post" action="/users/{{name}}/{{toggle}}"><input type="hidden" name="csrf" value="{{csrf}}"><button>{{toggleName}}</button></form>
        <form method="post" action="/users/{{name}}/passwd"><input type="hidden" name="csrf" value="{{csrf}}"><input type="password" name="password" placeholder="mật khẩu mới" minlength="10" required><button>Đặt lại</button></form></td></tr>{{/accounts}}
        </tbody>
        </table>
        <h2>Thêm tài khoản</h2>
        <form method="post" action="/users" class="stack">
          <input type="hidden" name="csrf" value="{{csrf}}">
          <label>Tên đăng nhập <input name="name" required placeholder="nguyen.van.a"></label>
          <label>Họ tên <input name="fullName"></label>
          <label>Vai trò <select name="role">{{#roles}}<option value="{{value}}">{{name}}</option>{{/roles}}</select></label>
          <label>Đơn vị <input name="unit" list="units"></label>
          <label>Mật khẩu (ít nhất 10 ký tự) <input type="password" name="password" minlength="10" required></label>
          <div class="wide"><button class="go">Thêm</button></div>
        </form>
        <datalist id="units">{{#units}}<option value="{{.}}">{{/units}}</datalist>
        """

    static let error = """
        <h1>{{heading}}</h1>
        <p class="problem">{{message}}</p>
        <p><a href="{{back}}">Quay lại</a></p>
        """
}
