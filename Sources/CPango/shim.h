#include <dlfcn.h>
#include <stddef.h>

/* cairo, pango and glib are opened on first use, not linked: loading them (and harfbuzz,
   fontconfig, freetype, pixman, the X11 client libraries… 33 libraries) at every start cost
   ~5 ms of a C program's start-up on this machine (6.2 ms against 1.1 ms without them), while
   only the printed registers, forms and the rows' heights in a workbook use them. The way
   poppler-glib, Tesseract and libxml2 are opened (see CPoppler/shim.h).

   Their headers are not included: they need pkg-config's include paths, and SwiftPM cannot take
   a package's compiler flags without its linker flags. The declarations below are the libraries'
   own, unchanged in cairo 1.x, pango 1.x and glib 2.x; scripts/check-c-shims.sh (make test)
   compiles them against the installed headers (VT_CHECK_AGAINST_HEADERS): every function's type
   and every constant must match, or the check fails. An enum parameter is an int here (the same
   in the C ABI); its values are the VT_ constants. */
#ifdef VT_CHECK_AGAINST_HEADERS
#include <cairo.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>
typedef cairo_surface_t vt_cairo_surface_t;
typedef cairo_t vt_cairo_t;
typedef cairo_rectangle_t vt_cairo_rectangle_t;
typedef PangoLayout vt_PangoLayout;
typedef PangoContext vt_PangoContext;
typedef PangoLayoutIter vt_PangoLayoutIter;
typedef PangoFontDescription vt_PangoFontDescription;
typedef cairo_status_t vt_cairo_status_t;
typedef cairo_pdf_version_t vt_cairo_pdf_version_t;
typedef cairo_pdf_metadata_t vt_cairo_pdf_metadata_t;
typedef cairo_content_t vt_cairo_content_t;
typedef PangoWrapMode vt_PangoWrapMode;
typedef PangoAlignment vt_PangoAlignment;
typedef PangoWeight vt_PangoWeight;
typedef PangoStyle vt_PangoStyle;
#else
typedef struct vt_cairo_surface vt_cairo_surface_t;
typedef struct vt_cairo vt_cairo_t;
typedef struct vt_cairo_rectangle vt_cairo_rectangle_t;
typedef struct vt_PangoLayout vt_PangoLayout;
typedef struct vt_PangoContext vt_PangoContext;
typedef struct vt_PangoLayoutIter vt_PangoLayoutIter;
typedef struct vt_PangoFontDescription vt_PangoFontDescription;
typedef int vt_cairo_status_t;
typedef int vt_cairo_pdf_version_t;
typedef int vt_cairo_pdf_metadata_t;
typedef int vt_cairo_content_t;
typedef int vt_PangoWrapMode;
typedef int vt_PangoAlignment;
typedef int vt_PangoWeight;
typedef int vt_PangoStyle;
#endif

#define VT_CAIRO_STATUS_SUCCESS 0
#define VT_CAIRO_PDF_VERSION_1_5 1
#define VT_CAIRO_PDF_METADATA_TITLE 0
#define VT_CAIRO_PDF_METADATA_AUTHOR 1
#define VT_CAIRO_PDF_METADATA_CREATOR 4
#define VT_CAIRO_CONTENT_COLOR_ALPHA 0x3000
#define VT_PANGO_SCALE 1024
#define VT_PANGO_WRAP_WORD_CHAR 2
#define VT_PANGO_ALIGN_LEFT 0
#define VT_PANGO_ALIGN_CENTER 1
#define VT_PANGO_ALIGN_RIGHT 2
#define VT_PANGO_WEIGHT_NORMAL 400
#define VT_PANGO_WEIGHT_BOLD 700
#define VT_PANGO_STYLE_NORMAL 0
#define VT_PANGO_STYLE_ITALIC 2

/* F(name, return type, parameters): each function once, for the table and for the check. */
#define VT_CAIRO_PANGO_FUNCTIONS(F) \
    F(cairo_pdf_surface_create, vt_cairo_surface_t *_Nullable, (const char *_Nonnull, double, double)) \
    F(cairo_recording_surface_create, vt_cairo_surface_t *_Nullable, (vt_cairo_content_t, const vt_cairo_rectangle_t *_Nullable)) \
    F(cairo_surface_status, vt_cairo_status_t, (vt_cairo_surface_t *_Nonnull)) \
    F(cairo_surface_finish, void, (vt_cairo_surface_t *_Nonnull)) \
    F(cairo_surface_destroy, void, (vt_cairo_surface_t *_Nonnull)) \
    F(cairo_pdf_surface_restrict_to_version, void, (vt_cairo_surface_t *_Nonnull, vt_cairo_pdf_version_t)) \
    F(cairo_pdf_surface_set_metadata, void, (vt_cairo_surface_t *_Nonnull, vt_cairo_pdf_metadata_t, const char *_Nonnull)) \
    F(cairo_pdf_surface_set_size, void, (vt_cairo_surface_t *_Nonnull, double, double)) \
    F(cairo_status_to_string, const char *_Nonnull, (vt_cairo_status_t)) \
    F(cairo_create, vt_cairo_t *_Nullable, (vt_cairo_surface_t *_Nonnull)) \
    F(cairo_destroy, void, (vt_cairo_t *_Nonnull)) \
    F(cairo_set_line_width, void, (vt_cairo_t *_Nonnull, double)) \
    F(cairo_set_source_rgb, void, (vt_cairo_t *_Nonnull, double, double, double)) \
    F(cairo_move_to, void, (vt_cairo_t *_Nonnull, double, double)) \
    F(cairo_line_to, void, (vt_cairo_t *_Nonnull, double, double)) \
    F(cairo_rectangle, void, (vt_cairo_t *_Nonnull, double, double, double, double)) \
    F(cairo_stroke, void, (vt_cairo_t *_Nonnull)) \
    F(cairo_show_page, void, (vt_cairo_t *_Nonnull)) \
    F(pango_cairo_create_layout, vt_PangoLayout *_Nullable, (vt_cairo_t *_Nonnull)) \
    F(pango_cairo_context_set_resolution, void, (vt_PangoContext *_Nonnull, double)) \
    F(pango_cairo_update_layout, void, (vt_cairo_t *_Nonnull, vt_PangoLayout *_Nonnull)) \
    F(pango_cairo_show_layout, void, (vt_cairo_t *_Nonnull, vt_PangoLayout *_Nonnull)) \
    F(pango_layout_get_context, vt_PangoContext *_Nonnull, (vt_PangoLayout *_Nonnull)) \
    F(pango_layout_context_changed, void, (vt_PangoLayout *_Nonnull)) \
    F(pango_layout_set_wrap, void, (vt_PangoLayout *_Nonnull, vt_PangoWrapMode)) \
    F(pango_layout_set_width, void, (vt_PangoLayout *_Nonnull, int)) \
    F(pango_layout_set_alignment, void, (vt_PangoLayout *_Nonnull, vt_PangoAlignment)) \
    F(pango_layout_set_font_description, void, (vt_PangoLayout *_Nonnull, const vt_PangoFontDescription *_Nullable)) \
    F(pango_layout_set_text, void, (vt_PangoLayout *_Nonnull, const char *_Nonnull, int)) \
    F(pango_layout_get_size, void, (vt_PangoLayout *_Nonnull, int *_Nullable, int *_Nullable)) \
    F(pango_layout_get_iter, vt_PangoLayoutIter *_Nullable, (vt_PangoLayout *_Nonnull)) \
    F(pango_layout_iter_free, void, (vt_PangoLayoutIter *_Nonnull)) \
    F(pango_layout_iter_get_line_yrange, void, (vt_PangoLayoutIter *_Nonnull, int *_Nullable, int *_Nullable)) \
    F(pango_layout_iter_get_index, int, (vt_PangoLayoutIter *_Nonnull)) \
    F(pango_layout_iter_next_line, int, (vt_PangoLayoutIter *_Nonnull)) \
    F(pango_font_description_new, vt_PangoFontDescription *_Nullable, (void)) \
    F(pango_font_description_free, void, (vt_PangoFontDescription *_Nonnull)) \
    F(pango_font_description_set_family, void, (vt_PangoFontDescription *_Nonnull, const char *_Nonnull)) \
    F(pango_font_description_set_size, void, (vt_PangoFontDescription *_Nonnull, int)) \
    F(pango_font_description_set_weight, void, (vt_PangoFontDescription *_Nonnull, vt_PangoWeight)) \
    F(pango_font_description_set_style, void, (vt_PangoFontDescription *_Nonnull, vt_PangoStyle)) \
    F(g_object_unref, void, (void *_Nonnull))

#define VT_FIELD(name, result, parameters) result(*_Nonnull name) parameters;
typedef struct { VT_CAIRO_PANGO_FUNCTIONS(VT_FIELD) } VTCairoPango;
#undef VT_FIELD

/* The functions, or NULL when the libraries (Debian libpangocairo-1.0-0, which brings cairo and
   glib) cannot be opened. pangocairo's handle finds cairo's and glib's functions too: dlsym
   searches a library's dependencies. Called once. */
static inline const VTCairoPango *_Nullable vt_cairo_pango_open(void) {
    static VTCairoPango api;
    void *handle = dlopen("libpangocairo-1.0.so.0", RTLD_NOW | RTLD_LOCAL);
    if (handle == NULL) handle = dlopen("libpangocairo-1.0.so", RTLD_NOW | RTLD_LOCAL);
    if (handle == NULL) handle = dlopen("libpangocairo-1.0.0.dylib", RTLD_NOW | RTLD_LOCAL);
    if (handle == NULL) return NULL;
#define VT_LOAD(name, result, parameters) if ((*(void **)&api.name = dlsym(handle, #name)) == NULL) return NULL;
    VT_CAIRO_PANGO_FUNCTIONS(VT_LOAD)
#undef VT_LOAD
    return &api;
}
