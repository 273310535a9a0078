#!/usr/bin/env bash
# The main job of a văn thư on the sample documents: continue the paper registers, register and
# stamp incoming documents, number outgoing ones, void a mistake, list the registers.
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
rm -f "$VANTHU_DB" "$VANTHU_DB-wal" "$VANTHU_DB-shm"

if [ -t 1 ]; then bold=$'\033[1m'; plain=$'\033[0m'; else bold=; plain=; fi
step() { printf '\n%s== %s%s\n' "$bold" "$*" "$plain"; }
run() { printf '$ vanthu'; printf ' %q' "$@"; printf '\n'; "$vanthu" "$@"; }

step "Khởi tạo sổ cho Sở Thông tin và Truyền thông tỉnh Kon Tum"
run init --org "SỞ THÔNG TIN VÀ TRUYỀN THÔNG" --org-code STTTT --parent "UBND TỈNH KON TUM" --place "Kon Tum" --style state

step "Sổ giấy năm 2021 đã đến số 790 (xem dấu ĐẾN trên samples/ke-hoach-co-dau-den.txt): tiếp tục từ 791"
grep -A1 "^SỞ THÔNG TIN VÀ TRUYỀN THÔNG" "$samples/ke-hoach-co-dau-den.txt"
run register continue incoming --from 791
run register continue outgoing --from 215

step "Văn bản đến: vào sổ và in dấu ĐẾN (samples/bao-cao-dang.txt)"
run incoming add --issuer "Huyện ủy Đăk Hà" --symbol "Số 27-BC/HU" --date 16/8/2021 --type BC \
    --summary "Kết quả 5 năm thực hiện công tác tuyên truyền miệng trên địa bàn huyện giai đoạn 2016 - 2021" \
    --signer "Lê Văn Minh" --signer-title "PHÓ BÍ THƯ" --received 24/8/2021 --handler "Phòng Thông tin - Báo chí - Xuất bản"

step "Văn bản đến: công văn của Sở Nội vụ (samples/cong-van-nha-nuoc.txt)"
run den them --issuer "Sở Nội vụ tỉnh Kon Tum" --symbol "Số: 1432/SNV-CCVC" --date 23/8/2021 \
    --summary "V/v cử công chức tham gia lớp bồi dưỡng kỹ năng quản lý văn bản điện tử" \
    --handler "Văn phòng Sở" --due 3/9/2021 --signer "Trần Thị Hoa" --signer-title "PHÓ GIÁM ĐỐC"

step "Văn bản đến khẩn: quyết định của UBND tỉnh (samples/quyet-dinh-khan.txt)"
run incoming add --issuer "UBND tỉnh Kon Tum" --symbol "512/QĐ-UBND" --date 24/8/2021 --urgency khan \
    --summary "Về việc thành lập Tổ công tác bảo đảm an toàn thông tin trong dịp Quốc khánh 2/9/2021" \
    --handler "Phòng Bưu chính, Viễn thông và Công nghệ thông tin" --signer "Nguyễn Văn Hòa" --signer-title "PHÓ CHỦ TỊCH"

step "Cùng công văn đó đến lần nữa (bản giấy sau bản điện tử): vanthu từ chối vào sổ trùng"
run den them --issuer "SỞ NỘI VỤ TỈNH KON TUM" --symbol "1432 / SNV – CCVC" --summary "bản giấy" || echo "(đã từ chối, mã thoát $?)"

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

step "Sổ đăng ký văn bản đến và đi năm 2021"
run list incoming --year 2021
run list outgoing --year 2021
run register list

step "Nhật ký (5 thao tác gần nhất)"
run journal --limit 5

step "In sổ: xuất Sổ đăng ký văn bản đến, đi và Sổ theo dõi ra Excel (A4 ngang, sẵn để ký và đóng sổ)"
exports=$root/exports/demo
mkdir -p "$exports"
run export incoming-register --year 2021 -o "$exports/so-den-2021.xlsx" --overwrite
run xuat so-di --year 2021 -o "$exports/so-di-2021.xlsx" --overwrite
run xuat theo-doi --month 2021-08 -o "$exports/theo-doi-2021-08.xlsx" --overwrite

printf '\nCơ sở dữ liệu mẫu: %s\nCác sổ đã xuất: %s\n' "$VANTHU_DB" "$exports"
