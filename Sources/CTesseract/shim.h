#include <dlfcn.h>
#include <stddef.h>
#include <tesseract/capi.h>

/* Tesseract is opened on first use, not linked: loading libtesseract and what it pulls in
   (leptonica, the image codecs, libarchive, libcurl) at every start cost 17.6 ms of a C
   program's start-up on this machine (0.8 ms without it), more than the rest of vanthu's
   start-up. Each function keeps its C API name and its exact type (__typeof__). */
#define VT_TESSERACT_FUNCTIONS(F) \
    F(TessBaseAPICreate) F(TessBaseAPIDelete) F(TessBaseAPIInit3) F(TessBaseAPIEnd) F(TessBaseAPISetVariable) \
    F(TessBaseAPISetPageSegMode) F(TessBaseAPISetImage) F(TessBaseAPISetSourceResolution) F(TessMonitorCreate) \
    F(TessMonitorDelete) F(TessMonitorSetDeadlineMSecs) F(TessBaseAPIRecognize) F(TessBaseAPIGetIterator) \
    F(TessResultIteratorDelete) F(TessResultIteratorGetPageIterator) F(TessResultIteratorGetUTF8Text) F(TessDeleteText) \
    F(TessPageIteratorBoundingBox) F(TessPageIteratorIsAtFinalElement) F(TessResultIteratorNext)

#define VT_FIELD(name) __typeof__(name) *_Nonnull name;
typedef struct { VT_TESSERACT_FUNCTIONS(VT_FIELD) } VTTesseract;
#undef VT_FIELD

/* The functions, or NULL when the library (Debian libtesseract5) cannot be opened. Called once. */
static inline const VTTesseract *_Nullable vt_tesseract_open(void) {
    static VTTesseract api;
    void *handle = dlopen("libtesseract.so.5", RTLD_NOW | RTLD_LOCAL);
    if (handle == NULL) handle = dlopen("libtesseract.so", RTLD_NOW | RTLD_LOCAL);
    if (handle == NULL) return NULL;
#define VT_LOAD(name) if ((api.name = (__typeof__(name) *)dlsym(handle, #name)) == NULL) return NULL;
    VT_TESSERACT_FUNCTIONS(VT_LOAD)
#undef VT_LOAD
    return &api;
}
