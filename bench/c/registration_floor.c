/* The floor for one registration (issue "every figure near its floor"): a C program that opens
 * the same SQLite file as `vanthu incoming add`, takes the next số đến of the year's incoming
 * register, inserts the document row (the schema's triggers add its search index entry) and
 * commits, with the durability vanthu has (WAL, synchronous FULL, foreign keys). No journal entry,
 * seal, routing step or checks: what vanthu adds over this is what the ratio measures.
 * Usage: registration_floor DB YEAR SYMBOL (exit 0 when the row is committed). */
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

static int fail(sqlite3 *db, const char *what) {
    fprintf(stderr, "registration_floor: %s: %s\n", what, sqlite3_errmsg(db));
    sqlite3_close(db);
    return 1;
}

int main(int argc, char **argv) {
    if (argc != 4) { fprintf(stderr, "usage: registration_floor DB YEAR SYMBOL\n"); return 64; }
    sqlite3 *db;
    if (sqlite3_open_v2(argv[1], &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) return fail(db, "open");
    sqlite3_busy_timeout(db, 30000);
    if (sqlite3_exec(db, "PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL; BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
        return fail(db, "begin");

    char start[16], end[16];
    snprintf(start, sizeof start, "%.4s-01-01", argv[2]);
    snprintf(end, sizeof end, "%.4s-12-31", argv[2]);
    sqlite3_stmt *next;
    const char *sql =
        "SELECT r.id, coalesce((SELECT max(number) FROM document d WHERE d.registerId = r.id AND d.seriesKey = ''), 0) + 1 "
        "FROM register r WHERE r.kind = 'incoming' AND r.startDate <= ?2 AND r.endDate >= ?1";
    if (sqlite3_prepare_v2(db, sql, -1, &next, NULL) != SQLITE_OK) return fail(db, "prepare next number");
    sqlite3_bind_text(next, 1, start, -1, SQLITE_STATIC);
    sqlite3_bind_text(next, 2, end, -1, SQLITE_STATIC);
    if (sqlite3_step(next) != SQLITE_ROW) return fail(db, "no incoming register for the year");
    sqlite3_int64 registerId = sqlite3_column_int64(next, 0), number = sqlite3_column_int64(next, 1);
    sqlite3_finalize(next);

    char date[16], code[64];
    snprintf(date, sizeof date, "%.4s-12-30", argv[2]);
    const char *slash = strchr(argv[3], '/');
    snprintf(code, sizeof code, "%.*s", slash ? (int)(slash - argv[3]) : (int)strlen(argv[3]), argv[3]);
    sqlite3_stmt *insert;
    const char *row =
        "INSERT INTO document (kind, registerId, number, registerDate, organName, codeNumber, codeNotation, notationStyle, "
        "typeCode, typeName, subject, handler, transferDate, status, registeredAt, registeredBy) "
        "VALUES ('incoming', ?1, ?2, ?3, 'SỞ NỘI VỤ TỈNH KON TUM', ?4, ?5, 'state', 'CV', 'Công văn', "
        "'V/v cử công chức tham gia lớp bồi dưỡng', 'Văn phòng Sở', ?3, 'routed', strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), 'bench')";
    if (sqlite3_prepare_v2(db, row, -1, &insert, NULL) != SQLITE_OK) return fail(db, "prepare insert");
    sqlite3_bind_int64(insert, 1, registerId);
    sqlite3_bind_int64(insert, 2, number);
    sqlite3_bind_text(insert, 3, date, -1, SQLITE_STATIC);
    sqlite3_bind_text(insert, 4, code, -1, SQLITE_STATIC);
    sqlite3_bind_text(insert, 5, slash ? slash + 1 : "", -1, SQLITE_STATIC);
    if (sqlite3_step(insert) != SQLITE_DONE) return fail(db, "insert");
    sqlite3_finalize(insert);
    if (sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) return fail(db, "commit");
    sqlite3_close(db);
    return 0;
}
