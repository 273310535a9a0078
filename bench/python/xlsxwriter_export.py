"""What a clerk's IT helper would otherwise script: the same register cells written with Python
XlsxWriter (constant memory) from the same SQLite file. Usage: xlsxwriter_export.py DB OUT.xlsx"""
import datetime
import sqlite3
import sys

import xlsxwriter

HEADINGS = ["Ngày đến", "Số đến", "Tác giả", "Số, ký hiệu văn bản", "Ngày tháng văn bản",
            "Tên loại và trích yếu nội dung văn bản", "Đơn vị hoặc người nhận", "Ngày chuyển", "Ký nhận", "Ghi chú"]
SQL = """SELECT registerDate, number, organName,
  CASE notationStyle WHEN 'party' THEN codeNumber || '-' || codeNotation WHEN 'state' THEN codeNumber || '/' || codeNotation END,
  issuedDate, typeName || ' ' || subject, handler, transferDate, note
  FROM document WHERE kind = 'incoming' ORDER BY registerId, seriesKey, number, numberSuffix"""


def main(db_path, out_path):
    db = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    wb = xlsxwriter.Workbook(out_path, {"constant_memory": True})
    ws = wb.add_worksheet("Sổ đến")
    base = {"font_name": "Times New Roman", "font_size": 12, "border": 1, "text_wrap": True}
    heading = wb.add_format({**base, "bold": True})
    text = wb.add_format(base)
    date = wb.add_format({**base, "num_format": "dd/mm/yyyy"})
    for c, h in enumerate(HEADINGS):
        ws.write_string(0, c, h, heading)
    for c in range(10):
        ws.write_string(1, c, f"({c + 1})", heading)
    for r, row in enumerate(db.execute(SQL), start=2):
        for c, value in zip((0, 4, 7), (row[0], row[4], row[7])):
            if value:
                ws.write_datetime(r, c, datetime.datetime.strptime(value, "%Y-%m-%d"), date)
            else:
                ws.write_blank(r, c, None, text)
        ws.write_number(r, 1, row[1], text)
        for c, value in ((2, row[2]), (3, row[3]), (5, row[5]), (6, row[6]), (9, row[8])):
            if value:
                ws.write_string(r, c, value, text)
            else:
                ws.write_blank(r, c, None, text)
        ws.write_blank(r, 8, None, text)
    wb.close()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
