#!/usr/bin/env bash
# Makes Tests/vanthuTests/Fixtures/registry-v<N>.sqlite: a small register written by the vanthu
# of each earlier schema version (the commit before the next migration was added), so that the
# upgrade tests open files those releases really wrote. Run once per new migration; the files
# are committed (nothing is built at test time). Usage: scripts/make-upgrade-fixtures.sh [N…]
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
declare -A commits=(
  [1]=44dcb83^  # before v2-citations-and-text
  [2]=046cfca^  # before v3-handling-dispatch-calendar
  [3]=0c74a09^  # before v4-dossiers-attachments
  [4]=f4f3c4a^  # before v5-search
  [5]=1cb491a^  # before v6-journal-chain
  [7]=6ffad80   # before v8-electronic-documents
)
versions=${*:-1 2 3 4 5}
for v in $versions; do
  tree=$(mktemp -d)/vanthu-v$v
  git worktree add -q --detach "$tree" "${commits[$v]}"
  (cd "$tree" && swift build --product vanthu >/dev/null)
  bin="$tree/.build/debug/vanthu"
  db="$root/Tests/vanthuTests/Fixtures/registry-v$v.sqlite"
  rm -f "$db" "$db-wal" "$db-shm"
  export VANTHU_DB=$db VANTHU_TODAY=2021-09-06 VANTHU_USER="văn thư"
  "$bin" init --org "SỞ THÔNG TIN VÀ TRUYỀN THÔNG" --org-code STTTT --parent "UBND TỈNH KON TUM" --place "Kon Tum" --style state >/dev/null
  "$bin" register continue incoming --from 783 >/dev/null
  "$bin" incoming add --issuer "Ban Tuyên giáo Tỉnh ủy" --symbol "85-BC/BTGTU" --date 18/8/2021 --type BC \
    --summary "Kết quả triển khai, thực hiện Kế hoạch số 81-KH/TU" --received 20/8/2021 --handler "Phòng Tuyên truyền" >/dev/null
  "$bin" incoming add --issuer "Sở Nội vụ" --symbol "1432/SNV-CCVC" --date 23/8/2021 --type CV \
    --summary "V/v cử công chức tham gia lớp bồi dưỡng" --received 25/8/2021 >/dev/null
  "$bin" outgoing add --type BC --summary "Báo cáo kết quả" --signer "Nguyễn Văn A" --signer-title "PHÓ GIÁM ĐỐC" \
    --signer-capacity "KT. GIÁM ĐỐC" --recipient "Sở Thông tin và Truyền thông" --recipient "Phòng Tuyên truyền" --archive "VT, TTBCBC" >/dev/null
  "$bin" void den/2021/784 --reason "Vào sổ nhầm" >/dev/null
  if [ "$v" -ge 7 ]; then
    # A stored file (committed with the fixture, in registry-v7.sqlite-files/): v8 adds columns
    # to the attachments, so the upgrade must reseal this document.
    rm -rf "$db-files"
    printf 'Bản quét công văn 1432/SNV-CCVC\n' > "$tree/ban-quet.txt"
    "$bin" attach den/2021/783 "$tree/ban-quet.txt" >/dev/null
  fi
  [ ! -e "$db-wal" ] || { echo "v$v: the database was left with a WAL" >&2; exit 1; }
  git worktree remove --force "$tree"
  echo "registry-v$v.sqlite: $(sqlite3 "$db" 'SELECT COUNT(*) FROM document') documents, made by ${commits[$v]}"
done
