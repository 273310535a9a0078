#include <dlfcn.h>
#include <stddef.h>
#include <stdint.h>

/* poppler-glib is opened on first use, not linked: loading it (and libpoppler's C++ core,
   NSS, lcms, openjpeg…) at every start cost 12.8 ms of a C program's start-up on this machine
   (0.8 ms without it). glib and cairo, which reading a PDF needs too, come with it: nothing of
   them is linked either (see CPango/shim.h).

   Its headers are not included (they need glib's and cairo's pkg-config include paths, which
   SwiftPM gives only with their linker flags). The declarations below are poppler-glib's, glib's
   and cairo's own; scripts/check-c-shims.sh (make test) compiles them against the installed
   headers (VT_CHECK_AGAINST_HEADERS): every function's type, the two structures' layout and the
   constants must match. Only what vanthu reads: a page's text and its boxes, a page rendered
   for OCR. */
/* glib's GError and poppler's PopplerRectangle, field for field. */
#define VT_GERROR_BODY { uint32_t domain; int code; char *_Nullable message; }
#define VT_POPPLER_RECTANGLE_BODY { double x1, y1, x2, y2; }

#ifdef VT_CHECK_AGAINST_HEADERS
#include <poppler/glib/poppler.h>
#include <cairo.h>
typedef PopplerDocument vt_PopplerDocument;
typedef PopplerPage vt_PopplerPage;
typedef PopplerRectangle vt_PopplerRectangle;
typedef struct VT_POPPLER_RECTANGLE_BODY vt_PopplerRectangle_declared;
typedef GBytes vt_GBytes;
typedef GError vt_GError;
typedef struct VT_GERROR_BODY vt_GError_declared;
typedef cairo_surface_t vt_poppler_cairo_surface_t;
typedef cairo_t vt_poppler_cairo_t;
typedef cairo_status_t vt_poppler_cairo_status_t;
typedef cairo_format_t vt_poppler_cairo_format_t;
#else
typedef struct vt_PopplerDocument vt_PopplerDocument;
typedef struct vt_PopplerPage vt_PopplerPage;
typedef struct vt_GBytes vt_GBytes;
typedef struct vt_poppler_cairo_surface vt_poppler_cairo_surface_t;
typedef struct vt_poppler_cairo vt_poppler_cairo_t;
typedef struct VT_GERROR_BODY vt_GError;
typedef struct VT_POPPLER_RECTANGLE_BODY vt_PopplerRectangle;
typedef int vt_poppler_cairo_status_t;
typedef int vt_poppler_cairo_format_t;
#endif

#define VT_POPPLER_ERROR_ENCRYPTED 1
#define VT_POPPLER_CAIRO_STATUS_SUCCESS 0
#define VT_POPPLER_CAIRO_FORMAT_RGB24 1

/* F(name, return type, parameters): each function once, for the table and for the check. */
#define VT_POPPLER_FUNCTIONS(F) \
    F(poppler_document_new_from_bytes, vt_PopplerDocument *_Nullable, \
      (vt_GBytes *_Nonnull, const char *_Nullable, vt_GError *_Nullable *_Nullable)) \
    F(poppler_error_quark, uint32_t, (void)) \
    F(poppler_document_get_n_pages, int, (vt_PopplerDocument *_Nonnull)) \
    F(poppler_document_get_page, vt_PopplerPage *_Nullable, (vt_PopplerDocument *_Nonnull, int)) \
    F(poppler_page_get_size, void, (vt_PopplerPage *_Nonnull, double *_Nullable, double *_Nullable)) \
    F(poppler_page_get_text, char *_Nullable, (vt_PopplerPage *_Nonnull)) \
    F(poppler_page_get_text_layout, int, \
      (vt_PopplerPage *_Nonnull, vt_PopplerRectangle *_Nullable *_Nullable, unsigned int *_Nullable)) \
    F(poppler_page_render_for_printing, void, (vt_PopplerPage *_Nonnull, vt_poppler_cairo_t *_Nonnull)) \
    F(g_bytes_new, vt_GBytes *_Nonnull, (const void *_Nullable, size_t)) \
    F(g_bytes_unref, void, (vt_GBytes *_Nonnull)) \
    F(g_error_free, void, (vt_GError *_Nonnull)) \
    F(g_free, void, (void *_Nullable)) \
    F(g_object_unref, void, (void *_Nonnull)) \
    F(cairo_image_surface_create, vt_poppler_cairo_surface_t *_Nullable, (vt_poppler_cairo_format_t, int, int)) \
    F(cairo_image_surface_get_data, unsigned char *_Nullable, (vt_poppler_cairo_surface_t *_Nonnull)) \
    F(cairo_image_surface_get_stride, int, (vt_poppler_cairo_surface_t *_Nonnull)) \
    F(cairo_surface_status, vt_poppler_cairo_status_t, (vt_poppler_cairo_surface_t *_Nonnull)) \
    F(cairo_surface_flush, void, (vt_poppler_cairo_surface_t *_Nonnull)) \
    F(cairo_surface_destroy, void, (vt_poppler_cairo_surface_t *_Nonnull)) \
    F(cairo_create, vt_poppler_cairo_t *_Nullable, (vt_poppler_cairo_surface_t *_Nonnull)) \
    F(cairo_destroy, void, (vt_poppler_cairo_t *_Nonnull)) \
    F(cairo_set_source_rgb, void, (vt_poppler_cairo_t *_Nonnull, double, double, double)) \
    F(cairo_scale, void, (vt_poppler_cairo_t *_Nonnull, double, double)) \
    F(cairo_paint, void, (vt_poppler_cairo_t *_Nonnull))

#define VT_FIELD(name, result, parameters) result(*_Nonnull name) parameters;
typedef struct { VT_POPPLER_FUNCTIONS(VT_FIELD) } VTPoppler;
#undef VT_FIELD

/* The functions, or NULL when the library (Debian libpoppler-glib8) cannot be opened. glib's
   and cairo's are found through poppler-glib's handle (dlsym searches its dependencies).
   Called once. */
static inline const VTPoppler *_Nullable vt_poppler_open(void) {
    static VTPoppler api;
    void *handle = dlopen("libpoppler-glib.so.8", RTLD_NOW | RTLD_LOCAL);
    if (handle == NULL) handle = dlopen("libpoppler-glib.so", RTLD_NOW | RTLD_LOCAL);
    if (handle == NULL) handle = dlopen("libpoppler-glib.8.dylib", RTLD_NOW | RTLD_LOCAL);
    if (handle == NULL) return NULL;
#define VT_LOAD(name, result, parameters) if ((*(void **)&api.name = dlsym(handle, #name)) == NULL) return NULL;
    VT_POPPLER_FUNCTIONS(VT_LOAD)
#undef VT_LOAD
    return &api;
}
