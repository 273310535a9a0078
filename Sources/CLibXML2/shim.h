#include <dlfcn.h>
#include <stddef.h>

/* libxml2 is opened on first use, not linked: Debian's libxml2 pulls in ICU, whose loading every
   start would pay for a check a few envelopes need (the way poppler-glib and Tesseract are
   opened, see CPoppler/shim.h). Only what XMLDSig needs: parse, select the signed nodes with
   XPath, canonicalize them.

   Its headers are not included: built with ICU, they include ICU's, which clash with the copy
   in Swift's Foundation. The few declarations below are libxml2's own (parser.h, xpath.h,
   c14n.h), unchanged in its 2.x ABI; of the structures only the leading fields vanthu reads. */
typedef unsigned char vt_xmlChar;
typedef struct vt_xmlDoc vt_xmlDoc;
typedef struct vt_xmlXPathContext vt_xmlXPathContext;
typedef struct {
    int nodeNr;
    int nodeMax;
    void *_Nullable *_Nullable nodeTab;
} vt_xmlNodeSet;
typedef struct {
    int type;
    vt_xmlNodeSet *_Nullable nodesetval;
} vt_xmlXPathObject;

enum {
    VT_XML_PARSE_NOERROR = 1 << 5,
    VT_XML_PARSE_NOWARNING = 1 << 6,
    VT_XML_PARSE_NONET = 1 << 11,
    VT_XML_PARSE_HUGE = 1 << 19,
    VT_XML_C14N_1_0 = 0,
    VT_XML_C14N_EXCLUSIVE_1_0 = 1,
};

typedef struct {
    vt_xmlDoc *_Nullable (*_Nonnull xmlReadMemory)(const char *_Nonnull buffer, int size, const char *_Nullable url,
                                                    const char *_Nullable encoding, int options);
    void (*_Nonnull xmlFreeDoc)(vt_xmlDoc *_Nonnull doc);
    vt_xmlXPathContext *_Nullable (*_Nonnull xmlXPathNewContext)(vt_xmlDoc *_Nonnull doc);
    void (*_Nonnull xmlXPathFreeContext)(vt_xmlXPathContext *_Nonnull context);
    vt_xmlXPathObject *_Nullable (*_Nonnull xmlXPathEvalExpression)(const vt_xmlChar *_Nonnull expression,
                                                                     vt_xmlXPathContext *_Nonnull context);
    void (*_Nonnull xmlXPathFreeObject)(vt_xmlXPathObject *_Nonnull object);
    void (*_Nonnull xmlUnlinkNode)(void *_Nonnull node);
    void (*_Nonnull xmlFreeNode)(void *_Nonnull node);
    int (*_Nonnull xmlC14NDocDumpMemory)(vt_xmlDoc *_Nonnull doc, vt_xmlNodeSet *_Nullable nodes, int mode,
                                         vt_xmlChar *_Nullable *_Nullable inclusivePrefixes, int withComments,
                                         vt_xmlChar *_Nullable *_Nonnull out);
    /* libxml2's deallocator (a variable holding a function pointer). */
    void (*_Nonnull free)(void *_Nullable);
} VTLibXML2;

/* The functions, or NULL when the library (Debian libxml2) cannot be opened. Called once. */
static inline const VTLibXML2 *_Nullable vt_libxml2_open(void) {
    static VTLibXML2 api;
    void *handle = dlopen("libxml2.so.2", RTLD_NOW | RTLD_LOCAL);
    if (handle == NULL) handle = dlopen("libxml2.so", RTLD_NOW | RTLD_LOCAL);
    if (handle == NULL) handle = dlopen("libxml2.2.dylib", RTLD_NOW | RTLD_LOCAL);
    if (handle == NULL) return NULL;
#define VT_LOAD(name) if ((*(void **)&api.name = dlsym(handle, #name)) == NULL) return NULL;
    VT_LOAD(xmlReadMemory) VT_LOAD(xmlFreeDoc) VT_LOAD(xmlXPathNewContext) VT_LOAD(xmlXPathFreeContext)
    VT_LOAD(xmlXPathEvalExpression) VT_LOAD(xmlXPathFreeObject) VT_LOAD(xmlUnlinkNode) VT_LOAD(xmlFreeNode)
    VT_LOAD(xmlC14NDocDumpMemory)
#undef VT_LOAD
    /* Envelopes are read on several threads: libxml2 wants its globals set up once first. */
    void (*init)(void) = (void (*)(void))dlsym(handle, "xmlInitParser");
    if (init == NULL) return NULL;
    init();
    void (**xml_free)(void *) = (void (**)(void *))dlsym(handle, "xmlFree");
    if (xml_free == NULL || *xml_free == NULL) return NULL;
    api.free = *xml_free;
    return &api;
}
