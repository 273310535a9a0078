/* The floor for the XLSX export benchmark: the same cells as `vanthu export incoming-register`
 * (register sheet), read from the same SQLite file and written with libxlsxwriter directly in
 * constant-memory mode. Usage: xlsx_floor DB OUT.xlsx */
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include <xlsxwriter.h>

static const char *headings[] = {"Ngày đến", "Số đến", "Tác giả", "Số, ký hiệu văn bản", "Ngày tháng văn bản",
    "Tên loại và trích yếu nội dung văn bản", "Đơn vị hoặc người nhận", "Ngày chuyển", "Ký nhận", "Ghi chú"};

static void write_date(lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, const unsigned char *iso, lxw_format *date, lxw_format *text) {
    int y, m, d;
    if (iso && sscanf((const char *)iso, "%d-%d-%d", &y, &m, &d) == 3) {
        lxw_datetime dt = {y, m, d, 0, 0, 0};
        worksheet_write_datetime(ws, r, c, &dt, date);
    } else {
        worksheet_write_blank(ws, r, c, text);
    }
}

static void write_text(lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, const unsigned char *s, lxw_format *text) {
    if (s && *s) worksheet_write_string(ws, r, c, (const char *)s, text);
    else worksheet_write_blank(ws, r, c, text);
}

int main(int argc, char **argv) {
    if (argc != 3) { fprintf(stderr, "usage: xlsx_floor DB OUT.xlsx\n"); return 64; }
    sqlite3 *db;
    if (sqlite3_open_v2(argv[1], &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) return 1;
    const char *sql =
        "SELECT registerDate, number, organName,"
        " CASE notationStyle WHEN 'party' THEN codeNumber || '-' || codeNotation WHEN 'state' THEN codeNumber || '/' || codeNotation END,"
        " issuedDate, typeName || ' ' || subject, handler, transferDate, note"
        " FROM document WHERE kind = 'incoming' ORDER BY registerId, seriesKey, number, numberSuffix";
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) return 1;
    lxw_workbook_options options = {.constant_memory = LXW_TRUE, .tmpdir = NULL, .use_zip64 = LXW_TRUE};
    lxw_workbook *wb = workbook_new_opt(argv[2], &options);
    lxw_worksheet *ws = workbook_add_worksheet(wb, "Sổ đến");
    lxw_format *heading = workbook_add_format(wb), *text = workbook_add_format(wb), *num = workbook_add_format(wb), *date = workbook_add_format(wb);
    lxw_format *all[] = {heading, text, num, date};
    for (int i = 0; i < 4; i++) { format_set_font_name(all[i], "Times New Roman"); format_set_font_size(all[i], 12); format_set_border(all[i], LXW_BORDER_THIN); format_set_text_wrap(all[i]); }
    format_set_bold(heading);
    format_set_num_format(date, "dd/mm/yyyy");
    for (int c = 0; c < 10; c++) worksheet_write_string(ws, 0, c, headings[c], heading);
    for (int c = 0; c < 10; c++) { char label[8]; snprintf(label, sizeof label, "(%d)", c + 1); worksheet_write_string(ws, 1, c, label, heading); }
    lxw_row_t r = 2;
    while (sqlite3_step(st) == SQLITE_ROW) {
        write_date(ws, r, 0, sqlite3_column_text(st, 0), date, text);
        worksheet_write_number(ws, r, 1, sqlite3_column_int(st, 1), num);
        write_text(ws, r, 2, sqlite3_column_text(st, 2), text);
        write_text(ws, r, 3, sqlite3_column_text(st, 3), text);
        write_date(ws, r, 4, sqlite3_column_text(st, 4), date, text);
        write_text(ws, r, 5, sqlite3_column_text(st, 5), text);
        write_text(ws, r, 6, sqlite3_column_text(st, 6), text);
        write_date(ws, r, 7, sqlite3_column_text(st, 7), date, text);
        worksheet_write_blank(ws, r, 8, text);
        write_text(ws, r, 9, sqlite3_column_text(st, 8), text);
        r++;
    }
    sqlite3_finalize(st);
    sqlite3_close(db);
    return workbook_close(wb) == LXW_NO_ERROR ? 0 : 1;
}
