#!/usr/bin/env bash
# The C libraries vanthu opens with dlopen are declared by hand in their shim.h (their headers
# need pkg-config's include paths, which SwiftPM only gives together with the linker flags that
# would link them). This compiles those declarations against the installed headers: every
# function's type, the constants and the structures' layout must be the headers' own, or the
# declaration is wrong and this fails (run by make test; needs the -dev packages of make deps).
set -euo pipefail
cd "$(dirname "$0")/.."
compiler=$(command -v clang || true)
[ -n "$compiler" ] || { echo "check-c-shims: clang (with the Swift toolchain) is needed" >&2; exit 1; }
flags=$(pkg-config --cflags pangocairo poppler-glib)
"$compiler" -fsyntax-only -std=c11 -Werror -Wall $flags -x c - <<'C'
#define VT_CHECK_AGAINST_HEADERS 1
#include "Sources/CPango/shim.h"
#include "Sources/CPoppler/shim.h"
#include <stddef.h>

#define VT_SAME_TYPE(table, name) \
    _Static_assert(__builtin_types_compatible_p(__typeof__(&name), __typeof__(((table *)0)->name)), \
                   #name ": the shim's declaration is not the header's");
#define VT_CAIRO_PANGO(name, result, parameters) VT_SAME_TYPE(VTCairoPango, name)
#define VT_POPPLER(name, result, parameters) VT_SAME_TYPE(VTPoppler, name)
VT_CAIRO_PANGO_FUNCTIONS(VT_CAIRO_PANGO)
VT_POPPLER_FUNCTIONS(VT_POPPLER)

#define VT_SAME_VALUE(ours, theirs) _Static_assert((ours) == (theirs), #ours " is not " #theirs);
VT_SAME_VALUE(VT_CAIRO_STATUS_SUCCESS, CAIRO_STATUS_SUCCESS)
VT_SAME_VALUE(VT_CAIRO_PDF_VERSION_1_5, CAIRO_PDF_VERSION_1_5)
VT_SAME_VALUE(VT_CAIRO_PDF_METADATA_TITLE, CAIRO_PDF_METADATA_TITLE)
VT_SAME_VALUE(VT_CAIRO_PDF_METADATA_AUTHOR, CAIRO_PDF_METADATA_AUTHOR)
VT_SAME_VALUE(VT_CAIRO_PDF_METADATA_CREATOR, CAIRO_PDF_METADATA_CREATOR)
VT_SAME_VALUE(VT_CAIRO_CONTENT_COLOR_ALPHA, CAIRO_CONTENT_COLOR_ALPHA)
VT_SAME_VALUE(VT_PANGO_SCALE, PANGO_SCALE)
VT_SAME_VALUE(VT_PANGO_WRAP_WORD_CHAR, PANGO_WRAP_WORD_CHAR)
VT_SAME_VALUE(VT_PANGO_ALIGN_LEFT, PANGO_ALIGN_LEFT)
VT_SAME_VALUE(VT_PANGO_ALIGN_CENTER, PANGO_ALIGN_CENTER)
VT_SAME_VALUE(VT_PANGO_ALIGN_RIGHT, PANGO_ALIGN_RIGHT)
VT_SAME_VALUE(VT_PANGO_WEIGHT_NORMAL, PANGO_WEIGHT_NORMAL)
VT_SAME_VALUE(VT_PANGO_WEIGHT_BOLD, PANGO_WEIGHT_BOLD)
VT_SAME_VALUE(VT_PANGO_STYLE_NORMAL, PANGO_STYLE_NORMAL)
VT_SAME_VALUE(VT_PANGO_STYLE_ITALIC, PANGO_STYLE_ITALIC)
VT_SAME_VALUE(VT_POPPLER_ERROR_ENCRYPTED, POPPLER_ERROR_ENCRYPTED)
VT_SAME_VALUE(VT_POPPLER_CAIRO_STATUS_SUCCESS, CAIRO_STATUS_SUCCESS)
VT_SAME_VALUE(VT_POPPLER_CAIRO_FORMAT_RGB24, CAIRO_FORMAT_RGB24)
/* An enum passed as the shim's int: the same size in the C ABI. */
VT_SAME_VALUE(sizeof(int), sizeof(cairo_status_t))
VT_SAME_VALUE(sizeof(int), sizeof(PangoWeight))

#define VT_SAME_FIELD(ours, theirs, field) \
    VT_SAME_VALUE(offsetof(ours, field), offsetof(theirs, field)) \
    VT_SAME_VALUE(sizeof(((ours *)0)->field), sizeof(((theirs *)0)->field))
VT_SAME_VALUE(sizeof(vt_GError_declared), sizeof(GError))
VT_SAME_FIELD(vt_GError_declared, GError, domain)
VT_SAME_FIELD(vt_GError_declared, GError, code)
VT_SAME_FIELD(vt_GError_declared, GError, message)
VT_SAME_VALUE(sizeof(vt_PopplerRectangle_declared), sizeof(PopplerRectangle))
VT_SAME_FIELD(vt_PopplerRectangle_declared, PopplerRectangle, x1)
VT_SAME_FIELD(vt_PopplerRectangle_declared, PopplerRectangle, y1)
VT_SAME_FIELD(vt_PopplerRectangle_declared, PopplerRectangle, x2)
VT_SAME_FIELD(vt_PopplerRectangle_declared, PopplerRectangle, y2)
C
echo "c shims: cairo, pango, glib and poppler-glib declared as their installed headers declare them"
