#include <dlfcn.h>
#include <stddef.h>
#include <poppler/glib/poppler.h>
#include <cairo.h>

/* poppler-glib is opened on first use, not linked: loading it (and libpoppler's C++ core,
   NSS, lcms, openjpeg…) at every start cost 12.8 ms of a C program's start-up on this machine
   (0.8 ms without it). glib and cairo stay linked: pango needs them for the printed registers.
   Each function keeps its C API name and its exact type (__typeof__). */
#define VT_POPPLER_FUNCTIONS(F) \
    F(poppler_document_new_from_bytes) F(poppler_error_quark) F(poppler_document_get_n_pages) \
    F(poppler_document_get_page) F(poppler_page_get_size) F(poppler_page_get_text) \
    F(poppler_page_get_text_layout) F(poppler_page_render_for_printing)

#define VT_FIELD(name) __typeof__(name) *_Nonnull name;
typedef struct { VT_POPPLER_FUNCTIONS(VT_FIELD) } VTPoppler;
#undef VT_FIELD

/* The functions, or NULL when the library (Debian libpoppler-glib8) cannot be opened. Called once. */
static inline const VTPoppler *_Nullable vt_poppler_open(void) {
    static VTPoppler api;
    void *handle = dlopen("libpoppler-glib.so.8", RTLD_NOW | RTLD_LOCAL);
    if (handle == NULL) handle = dlopen("libpoppler-glib.so", RTLD_NOW | RTLD_LOCAL);
    if (handle == NULL) return NULL;
#define VT_LOAD(name) if ((api.name = (__typeof__(name) *)dlsym(handle, #name)) == NULL) return NULL;
    VT_POPPLER_FUNCTIONS(VT_LOAD)
#undef VT_LOAD
    return &api;
}
