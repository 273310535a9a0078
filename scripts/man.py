#!/usr/bin/env python3
"""Writes vanthu's manual page (mdoc) in one language from the binary's own command definitions.

    scripts/man.py BINARY vi|en DATE > page.1

It reads `vanthu --experimental-dump-help` (argument-parser's description of every command,
option and argument, in the language VANTHU_LANG selects) and adds the hand-written sections of
man/sections.<lang>.mdoc. argument-parser's own generate-manual plugin drops every non-ASCII
character (its escaping keeps ASCII only), which left the page without a Vietnamese letter; this
writes UTF-8, which `man` renders through preconv.
"""
import json
import os
import subprocess
import sys

WORDS = {
    "vi": {
        "NAME": "TÊN", "SYNOPSIS": "CÚ PHÁP", "DESCRIPTION": "MÔ TẢ", "COMMON": "TÙY CHỌN CHUNG CỦA MỌI LỆNH",
        "COMMANDS": "CÁC LỆNH", "command": "lệnh", "EXIT": "MÃ THOÁT", "SEE": "XEM THÊM", "AUTHORS": "TÁC GIẢ",
        "exit": [
            ("0", "thành công"),
            ("1", "kiểm tra thấy vấn đề (verify, journal verify, import --dry-run)"),
            ("64", "dùng lệnh sai: thiếu hoặc thừa tùy chọn, tham số"),
            ("65", "dữ liệu nhập sai: ngày không có thật, mã không biết, văn bản trùng, sổ đã khóa, …"),
            ("66", "không có tệp hoặc cơ sở dữ liệu cần đọc"),
            ("73", "không tạo được tệp ghi ra (đã có, dùng --overwrite)"),
            ("74", "lỗi đọc ghi: đĩa đầy, tệp hỏng"),
            ("77", "không có quyền: tệp chỉ cho phép đọc"),
            ("78", "tệp cấu hình sai"),
        ],
        "authors": "Nhóm phát triển vanthu.",
        "see": "Trang tiếng Anh: LANG=en_US.UTF-8 man vanthu (hoặc man -L en vanthu).",
    },
    "en": {
        "NAME": "NAME", "SYNOPSIS": "SYNOPSIS", "DESCRIPTION": "DESCRIPTION", "COMMON": "OPTIONS OF EVERY COMMAND",
        "COMMANDS": "COMMANDS", "command": "command", "EXIT": "EXIT STATUS", "SEE": "SEE ALSO", "AUTHORS": "AUTHORS",
        "exit": [
            ("0", "success"),
            ("1", "a check found a problem (verify, journal verify, import --dry-run)"),
            ("64", "wrong use: an option or argument missing or extra"),
            ("65", "bad input: an impossible date, an unknown code, a duplicate, a closed book, …"),
            ("66", "a file or database to read is missing"),
            ("73", "an output file cannot be created (it exists: use --overwrite)"),
            ("74", "an I/O error: a full disk, a damaged file"),
            ("77", "no permission: the file is read-only"),
            ("78", "a bad configuration file"),
        ],
        "authors": "The vanthu developers.",
        "see": "The Vietnamese page: man vanthu (the default).",
    },
}
GLOBAL = {"db", "json", "user", "version", "help"}


def text(line):
    """One line of running text, safe for mdoc."""
    line = line.replace("\\", "\\e")
    if line.startswith((".", "'")):
        line = "\\&" + line
    return line


def quoted(arg):
    return '"' + arg.replace("\\", "\\e").replace('"', '\\(dq') + '"'


def option_head(argument):
    names = argument.get("names") or []
    value = argument.get("valueName")
    flags = []
    for name in names:
        flags.append(("-" if name["kind"] == "short" else "--") + name["name"])
    if argument["kind"] == "positional":
        return ".It Ar " + quoted(value or argument.get("preferredName", {}).get("name", "value"))
    head = ".It Fl " + " , Fl ".join(flag[1:] for flag in flags)
    if argument["kind"] == "option" and value:
        head += " Ar " + quoted(value)
    return head


def discussion(lines_text, out):
    if not lines_text:
        return
    out.append(".Pp")
    literal = False
    for line in lines_text.split("\n"):
        example = line.startswith(("vanthu ", "cat ", "  ")) or line.endswith("\\")
        if example and not literal:
            out.append(".Bd -literal -offset indent")
            literal = True
        elif not example and literal:
            out.append(".Ed")
            literal = False
        out.append(text(line) if line else ".Pp")
    if literal:
        out.append(".Ed")


def arguments(command, out, skip_global=True):
    shown = [
        a for a in command.get("arguments", [])
        if a.get("shouldDisplay", True)
        and not (skip_global and a.get("preferredName", {}).get("name") in GLOBAL and a["kind"] != "positional")
    ]
    if not shown:
        return
    out.append(".Bl -tag -width 6n")
    for argument in shown:
        out.append(option_head(argument))
        out.append(text(argument.get("abstract", "")))
        if argument.get("discussion"):
            out.append(text(argument["discussion"]))
    out.append(".El")


def command_section(command, path, out):
    names = [" ".join(path + [command["commandName"]])] + command.get("aliases", [])
    out.append(".Ss " + quoted(", ".join(names)))
    out.append(text(command.get("abstract", "")))
    discussion(command.get("discussion", ""), out)
    arguments(command, out)
    for sub in command.get("subcommands", []):
        if sub.get("shouldDisplay", True) and sub["commandName"] != "help":
            command_section(sub, path + [command["commandName"]], out)


def main():
    binary, language, date = sys.argv[1], sys.argv[2], sys.argv[3]
    words = WORDS[language]
    environment = dict(os.environ, VANTHU_LANG=language)
    dump = subprocess.run([binary, "--experimental-dump-help"], env=environment, check=True, capture_output=True, text=True).stdout
    root = json.loads(dump)["command"]
    out = [
        '.\\" Generated by scripts/man.py from the command definitions; edit those, or man/sections.*.mdoc.',
        ".Dd " + date,
        ".Dt VANTHU 1",
        ".Os",
        ".Sh " + quoted(words["NAME"]),
        ".Nm vanthu",
        ".Nd " + quoted(root["abstract"]),
        ".Sh " + quoted(words["SYNOPSIS"]),
        ".Nm",
        ".Ar " + words["command"],
        ".Op Fl -db Ar " + quoted(next(a["valueName"] for a in root["subcommands"][0]["arguments"] if a.get("preferredName", {}).get("name") == "db")),
        ".Op Fl -json",
        ".Op Fl -user Ar " + quoted(next(a["valueName"] for a in root["subcommands"][0]["arguments"] if a.get("preferredName", {}).get("name") == "user")),
        ".Sh " + quoted(words["DESCRIPTION"]),
    ]
    for line in root.get("discussion", "").split("\n"):
        out.append(text(line) if line else ".Pp")
    out.append(".Sh " + quoted(words["COMMON"]))
    first = root["subcommands"][0]
    globals_only = dict(first, arguments=[a for a in first["arguments"] if a.get("preferredName", {}).get("name") in GLOBAL])
    arguments(globals_only, out, skip_global=False)
    out.append(".Sh " + quoted(words["COMMANDS"]))
    for command in root["subcommands"]:
        if command.get("shouldDisplay", True) and command["commandName"] != "help":
            command_section(command, ["vanthu"], out)
    sections = os.path.join(os.path.dirname(__file__), "..", "man", "sections.%s.mdoc" % language)
    with open(sections, encoding="utf-8") as handle:
        out.extend(handle.read().rstrip("\n").split("\n"))
    out.append(".Sh " + quoted(words["EXIT"]))
    out.append(".Bl -tag -width 4n -compact")
    for code, meaning in words["exit"]:
        out.append(".It " + code)
        out.append(text(meaning))
    out.append(".El")
    out.append(".Sh " + quoted(words["SEE"]))
    out.append(text(words["see"]))
    out.append(".Sh " + quoted(words["AUTHORS"]))
    out.append(text(words["authors"]))
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
