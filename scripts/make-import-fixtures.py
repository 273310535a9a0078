#!/usr/bin/env python3
"""Writes the import test fixtures with writers independent of vanthu:
- so-den-2020-openpyxl.xlsx: an Excel-like register by openpyxl: merged title rows above the
  headings, a cover note, Excel dates, a text date, a number typed as text, a bad row.
- so-di-2020-windows-1258.csv: an outgoing register saved as plain CSV on a Vietnamese Windows
  (Windows-1258, semicolons, headings without diacritics), encoded by iconv.
Run: .venv/bin/python scripts/make-import-fixtures.py   (needs openpyxl)
"""
import datetime, os, subprocess
import openpyxl
from openpyxl.styles import Alignment, Font

here = os.path.join(os.path.dirname(__file__), "..", "Tests", "VanThuXLSXTests", "Fixtures")

wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Sổ đến 2020"
ws.merge_cells("A1:D1"); ws["A1"] = "UBND TỈNH KON TUM"
ws.merge_cells("A2:D2"); ws["A2"] = "SỞ THÔNG TIN VÀ TRUYỀN THÔNG"
ws.merge_cells("A4:J4"); ws["A4"] = "SỔ ĐĂNG KÝ VĂN BẢN ĐẾN NĂM 2020"
ws["A4"].font = Font(bold=True, size=14); ws["A4"].alignment = Alignment(horizontal="center")
ws.merge_cells("A5:J5"); ws["A5"] = "(Từ ngày 01/01/2020 đến ngày 31/12/2020)"
headings = ["Ngày đến", "Số đến", "Tác giả", "Số, ký hiệu", "Ngày tháng", "Tên loại và trích yếu nội dung",
            "Đơn vị hoặc người nhận", "Ngày chuyển", "Ký nhận", "Ghi chú"]
for col, h in enumerate(headings, 1):
    ws.cell(row=7, column=col, value=h).font = Font(bold=True)
for col in range(1, 11):
    ws.cell(row=8, column=col, value=f"({col})")
rows = [
    (datetime.date(2020, 1, 3), 1, "Ban Tuyên giáo Tỉnh ủy", "12-HD/BTGTU", datetime.date(2020, 1, 2),
     "Hướng dẫn tuyên truyền kỷ niệm 90 năm Ngày thành lập Đảng", "Phòng Thông tin - Báo chí - Xuất bản", datetime.date(2020, 1, 3), None, None),
    (datetime.date(2020, 1, 6), 2, "UBND tỉnh Kon Tum", "05/QĐ-UBND", datetime.date(2020, 1, 4),
     "Quyết định về việc giao chỉ tiêu kế hoạch năm 2020", "Văn phòng Sở", None, None, "KHẨN"),
    ("7/1/2020", "3", "Sở Nội vụ", "21/SNV-CCVC", "06/01/2020",
     "Cử công chức tham gia lớp bồi dưỡng", "Văn phòng Sở", None, None, None),
    (datetime.date(2020, 1, 8), 5, "Đảng ủy Khối các cơ quan tỉnh", "30-CV/ĐUK", datetime.date(2020, 1, 7),
     "Công văn về việc học tập nghị quyết", "Phòng Tuyên truyền", None, None, None),
    (datetime.date(2020, 1, 9), 6, "Báo Kon Tum", None, None, "Giấy mời dự hội nghị cộng tác viên", None, None, None, None),
    ("32/13/2020", 7, "Sở Tài chính", "88/STC-NS", None, "Thông báo dự toán ngân sách", "Văn phòng Sở", None, None, None),
]
for r, values in enumerate(rows, 9):
    for c, v in enumerate(values, 1):
        cell = ws.cell(row=r, column=c, value=v)
        if isinstance(v, datetime.date):
            cell.number_format = "dd/mm/yyyy"
ws.merge_cells(start_row=17, start_column=6, end_row=17, end_column=8)
ws.cell(row=17, column=6, value=None)
wb.save(os.path.join(here, "so-den-2020-openpyxl.xlsx"))

csv = "\r\n".join([
    "SO DANG KY VAN BAN DI NAM 2020;;;;;;",
    ";;;;;;",
    "So, ky hieu van ban;Ngay thang van ban;Ten loai va trich yeu noi dung van ban;Nguoi ky;Noi nhan van ban;Don vi, nguoi nhan ban luu;So luong ban",
    "01/STTTT-VP;02/01/2020;Công văn V/v đăng ký lịch công tác tháng 1;GIÁM ĐỐC Trần Văn Đức;Văn phòng UBND tỉnh;VT, VP;2",
    "02/BC-STTTT;6/1/2020;Báo cáo Kết quả công tác thông tin đối ngoại năm 2019;PHÓ GIÁM ĐỐC Nguyễn Thị Hà;\"Bộ Thông tin và Truyền thông; UBND tỉnh (b/c)\";VT, TTBCXB;3",
    "04/KH-STTTT;10/01/2020;Kế hoạch Tuyên truyền chuyển đổi số năm 2020;GIÁM ĐỐC Trần Văn Đức;Các phòng thuộc Sở;VT, BCVT;5",
    "",
])
with open(os.path.join(here, "so-di-2020-utf8.csv"), "w", encoding="utf-8") as f:
    f.write(csv)
subprocess.run(["iconv", "-f", "UTF-8", "-t", "WINDOWS-1258", "-o", os.path.join(here, "so-di-2020-windows-1258.csv"),
                os.path.join(here, "so-di-2020-utf8.csv")], check=True)
os.remove(os.path.join(here, "so-di-2020-utf8.csv"))
