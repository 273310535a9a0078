#!/usr/bin/env bash
# The main job of a văn thư on the sample documents: continue the paper registers, register and
# stamp incoming documents, number outgoing ones, void a mistake, route and follow up, send the
# copies, file into the hồ sơ of the Danh mục, close one and print its Mục lục, keep the original,
# verify and back up, list and export the registers and the processing report.
# Usage: scripts/demo.sh PATH/TO/vanthu DEMO_FOLDER
set -euo pipefail
vanthu=$1
folder=${2:-demo}
root=$(cd "$(dirname "$0")/.." && pwd)
samples=$root/samples
mkdir -p "$folder"
export VANTHU_DB="$folder/vanthu-demo.sqlite"
export VANTHU_TODAY=2021-08-25
export VANTHU_USER="Nguyễn Thị Lan (văn thư)"
rm -rf "$VANTHU_DB" "$VANTHU_DB-wal" "$VANTHU_DB-shm" "$VANTHU_DB-files" "$folder/sao-luu"

if [ -t 1 ]; then bold=$'\033[1m'; plain=$'\033[0m'; else bold=; plain=; fi
step() { printf '\n%s== %s%s\n' "$bold" "$*" "$plain"; }
run() { printf '$ vanthu'; printf ' %q' "$@"; printf '\n'; "$vanthu" "$@"; }

step "Khởi tạo sổ cho Sở Thông tin và Truyền thông tỉnh Kon Tum"
run init --org "SỞ THÔNG TIN VÀ TRUYỀN THÔNG" --org-code STTTT --parent "UBND TỈNH KON TUM" --place "Kon Tum" --style state

step "Sổ giấy năm 2021 đã đến số 790 (xem dấu ĐẾN trên samples/ke-hoach-co-dau-den.txt): tiếp tục từ 791"
grep -A1 "^SỞ THÔNG TIN VÀ TRUYỀN THÔNG" "$samples/ke-hoach-co-dau-den.txt"
run register continue incoming --from 791
run register continue outgoing --from 215

step "Danh mục hồ sơ năm 2021 do Giám đốc Sở ban hành đầu năm (samples/danh-muc-ho-so-2021.csv)"
run danh-muc import "$samples/danh-muc-ho-so-2021.csv" --year 2021

step "Đọc văn bản: vanthu đề xuất từng trường (samples/bao-cao-dang.txt)"
run intake "$samples/bao-cao-dang.txt"

step "Văn bản đến: vào sổ từ chính văn bản, in dấu ĐẾN (văn thư chỉ nhập ngày đến và nơi chuyển)"
run incoming add --from-text "$samples/bao-cao-dang.txt" --received 24/8/2021 --handler "Phòng Thông tin - Báo chí - Xuất bản" --file 01.TTBCXB

step "Văn bản đến: công văn của Sở Nội vụ (samples/cong-van-nha-nuoc.txt), hạn trả lời 3/9/2021"
run den them --from-text "$samples/cong-van-nha-nuoc.txt" --handler "Văn phòng Sở" --due 3/9/2021

step "Văn bản đến khẩn: quyết định của UBND tỉnh (samples/quyet-dinh-khan.txt); độ khẩn đọc từ văn bản"
run incoming add --from-text "$samples/quyet-dinh-khan.txt" --handler "Phòng Bưu chính, Viễn thông và Công nghệ thông tin"

step "Kế hoạch đã có dấu ĐẾN số 790 của Sở (đã vào sổ giấy): vanthu đọc cả dấu ĐẾN và các văn bản được dẫn"
run intake "$samples/ke-hoach-co-dau-den.txt" --json

step "Văn bản điện tử: công văn PDF có chữ ký số (samples/cong-van-ky-so.pdf); tin cậy chứng thư gốc, vào sổ từ tệp, giữ bản gốc và bản có dấu ĐẾN"
run trust add "$samples/ca-kiem-thu.pem"
# Signed in 2026: registered on the real day, not the demo's 25/8/2021.
(unset VANTHU_TODAY; run incoming add --from-file "$samples/cong-van-ky-so.pdf" --handler "Văn phòng Sở")
e_reference=$("$vanthu" list incoming --year "$(date +%Y)" --json | python3 -c 'import json,sys; print(json.load(sys.stdin)[-1]["reference"])')
run stamp "$e_reference" -o "$folder/cong-van-ky-so-dau-den.pdf" --overwrite
run attach list "$e_reference"
echo "Trang 1 của bản có dấu ĐẾN (pdftotext):"
pdftotext -f 1 -l 1 "$folder/cong-van-ky-so-dau-den.pdf" - | grep -B3 -A2 "^Chuyển:" | head -7

step "Cùng công văn đó đến lần nữa (bản giấy sau bản điện tử): vanthu từ chối vào sổ trùng"
run den them --issuer "Sở Nội vụ" --symbol "1432 / SNV – CCVC" --summary "bản giấy" || echo "(đã từ chối, mã thoát $?)"

step "Văn bản đi: công văn trả lời Sở Nội vụ, cấp số và in Nơi nhận"
run outgoing add --type CV --unit VP --summary "V/v cử công chức tham gia lớp bồi dưỡng" \
    --signer "Nguyễn Văn An" --signer-title "PHÓ GIÁM ĐỐC" --signer-capacity "KT. GIÁM ĐỐC" \
    --recipient "Sở Nội vụ tỉnh Kon Tum" --recipient "Giám đốc Sở (b/c)" --archive "VT, VP"

step "Văn bản đi: báo cáo gửi Ban Tuyên giáo Tỉnh ủy"
run di them --type BC --summary "Kết quả thực hiện công tác thông tin cơ sở 8 tháng năm 2021" \
    --signer "Nguyễn Văn An" --signer-title "PHÓ GIÁM ĐỐC" --signer-capacity "KT. GIÁM ĐỐC" \
    --recipient "Ban Tuyên giáo Tỉnh ủy" --recipient "UBND tỉnh (b/c)" --archive "VT, TTBCXB"

step "Một số vào nhầm được hủy có lý do (không bao giờ xóa, không cấp lại)"
run den them --issuer "Báo Kon Tum" --summary "Thư mời viết bài (gửi nhầm địa chỉ)" --type GM
run void den/2021/794 --reason "Văn bản gửi nhầm cơ quan, đã trả lại Báo Kon Tum"

step "Trình lãnh đạo, chuyển: ý kiến chỉ đạo, đơn vị chủ trì, phối hợp, hạn tính theo ngày làm việc (bỏ qua Quốc khánh 2–3/9)"
run route den/2021/791 --lead "Phòng Thông tin - Báo chí - Xuất bản" --co "Văn phòng Sở" --due 10wd \
    --direction "Giao Phòng TTBCXB chủ trì, tham mưu báo cáo Ban Tuyên giáo" --by "PGĐ Nguyễn Văn B"
run chuyen den/2021/793 --lead "Phòng Bưu chính, Viễn thông và Công nghệ thông tin" --due 1wd --by "GĐ Trần Văn D"
run ky-nhan den/2021/791 --unit "Phòng Thông tin - Báo chí - Xuất bản" --signed-by "Trần Thị C"
run tien-do den/2021/791 --note "Đang dự thảo báo cáo"

step "Giải quyết xong: công văn của Sở Nội vụ, trả lời bằng công văn số 215/STTTT-VP"
run xong den/2021/792 --reply di/2021/CV/215

step "Gửi văn bản đi đến từng nơi nhận, và những nơi chưa gửi"
run gui di/2021/CV/215 --to "Sở Nội vụ tỉnh Kon Tum" --via post
run dispatch di/2021/BC/216 --to "Ban Tuyên giáo Tỉnh ủy" --via axis
run unsent

step "Lập hồ sơ: đưa văn bản vào hồ sơ theo Danh mục (một văn bản có thể ở nhiều hồ sơ), lưu bản gốc"
run ho-so them 01.VP den/2021/792 di/2021/CV/215 --year 2021
run ho-so them 01.BCVT den/2021/793 --year 2021
run ho-so them 02.TTBCXB den/2021/791 di/2021/BC/216 --year 2021
run dinh-kem den/2021/791 "$samples/bao-cao-dang.txt"
run show den/2021/792

step "Phiếu giải quyết văn bản đến của số 791"
exports=$root/exports/demo
mkdir -p "$exports"
run slip den/2021/791 -o "$exports/phieu-giai-quyet-791.xlsx" --overwrite

step "Mười hai ngày sau (6/9/2021): văn bản quá hạn và sắp đến hạn, khẩn lên đầu"
export VANTHU_TODAY=2021-09-06
run overdue --soon 5wd
run history den/2021/791
run holidays list --year 2021

step "Việc đã xong: kết thúc hồ sơ 01.VP, in Mục lục văn bản; Danh mục hồ sơ và tình trạng từng hồ sơ"
run ho-so ket-thuc 01.VP --year 2021
run ho-so show 01.VP --year 2021
run file index 01.VP --year 2021 -o "$exports/muc-luc-van-ban-01.VP.xlsx" --overwrite
run catalog show --year 2021
run catalog export --year 2021 -o "$exports/danh-muc-ho-so-2021.xlsx" --overwrite

step "Đưa sổ đến năm 2020 đang giữ trên Excel vào vanthu: thử trước, rồi nhập (giữ nguyên số cũ, báo số thiếu)"
run nhap den "$samples/so-den-2020.csv" --dry-run
run import incoming "$samples/so-den-2020.csv"

step "Tìm kiếm không cần gõ dấu, kể cả số, ký hiệu gõ kiểu nào cũng được"
run tim "tuyen truyen mieng"
run search "dang" --year 2020
run search "Số: 27 - BC/HU"
run search --incoming --status open --handler "phong thong tin bao chi xuat ban"

step "Kiểm tra trước khi khóa sổ: cơ sở dữ liệu, chỉ mục tìm kiếm, dãy số, chuỗi nhật ký, bản gốc đã lưu; và sao lưu"
run kiem-tra
run sao-luu "$folder/sao-luu"

step "Sổ đăng ký văn bản đến và đi năm 2021"
run list incoming --year 2021
run list outgoing --year 2021
run register list

step "Nhật ký (5 thao tác gần nhất), kiểm tra chuỗi mã băm, và xuất nhật ký ra Excel"
run journal --limit 5
run journal verify
run nhat-ky xuat -o "$folder/nhat-ky.xlsx" --overwrite

step "In sổ: Sổ đăng ký văn bản đến, đi, Sổ theo dõi giải quyết, Sổ gửi bưu điện ra Excel và PDF (A4, sẵn để ký và đóng quyển), và báo cáo"
run export incoming-register --year 2021 -o "$exports/so-den-2021.xlsx" --overwrite
run export incoming-register --year 2021 -o "$exports/so-den-2021.pdf" --overwrite    # the book to print, sign and bind
run xuat so-di --year 2021 -o "$exports/so-di-2021.xlsx" --overwrite
run xuat so-di --year 2021 -o "$exports/so-di-2021.pdf" --overwrite
run xuat theo-doi --month 2021-08 -o "$exports/theo-doi-2021-08.xlsx" --overwrite
run xuat buu-dien --year 2021 -o "$exports/so-gui-buu-dien-2021.xlsx" --overwrite
run report --year 2021
run bao-cao --year 2021 -o "$exports/bao-cao-giai-quyet-2021.xlsx" --overwrite

step "Văn phòng trên mạng nội bộ: tài khoản cho văn thư, lãnh đạo, chuyên viên; mở trang web vài giây và tải một trang"
for account in "vanthu van-thu" "giamdoc lanh-dao" "quantri quan-tri"; do
  set -- $account
  printf '$ echo ******** | vanthu user add %s --role %s --password-stdin\n' "$1" "$2"
  echo 'mat-khau-demo-2021' | "$vanthu" user add "$1" --role "$2" --password-stdin
done
echo 'mat-khau-demo-2021' | "$vanthu" user add cv.tuyentruyen --role chuyen-vien --unit "Phòng Tuyên truyền" --password-stdin
run user list
printf '$ vanthu serve --listen 127.0.0.1:0\n'
"$vanthu" serve --listen 127.0.0.1:0 2> "$folder/serve.log" &
server=$!
address=""
for _ in $(seq 100); do
  address=$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$folder/serve.log" | head -1 || true)
  [ -n "$address" ] && break
  sleep 0.1
done
cat "$folder/serve.log"
if [ -n "$address" ] && command -v curl >/dev/null; then
  printf '$ curl %s/login\n' "$address"
  curl -s "$address/login" | grep -o '<title>[^<]*</title>\|name="username"\|name="password"' | sed 's/^/  /'
fi
kill "$server" 2>/dev/null; wait "$server" 2>/dev/null || true

step "Đóng sổ đến năm 2020 (sổ cũ đã nhập): in PDF có lời ghi đóng sổ ở trang cuối; sau đó sổ không nhận thêm, không sửa, không hủy số"
run register close den --year 2020 -o "$exports/so-den-2020-dong-so.pdf" --signer "Nguyễn Thị Lan" --overwrite
run edit den/2020/4 --summary "Sửa sau khi đóng sổ" || true
run register annotate den/2020/4 --note "Trích yếu đúng: về việc báo cáo tình hình quý IV năm 2020"
run register list

printf '\nCơ sở dữ liệu mẫu: %s\nCác sổ đã xuất: %s\n' "$VANTHU_DB" "$exports"
