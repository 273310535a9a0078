#include <dlfcn.h>
#include <stddef.h>
#include <openssl/bio.h>
#include <openssl/cms.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/objects.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

/* OpenSSL's libcrypto is opened on first use, not linked: only checking a signature (a signed
   PDF, an edXML envelope) and reading a trusted certificate use it, and loading its 4.5 MB at
   every start cost 1.0 ms of a C program's start-up on this machine (2.0 ms against 0.9 ms
   without it). The way poppler-glib and Tesseract are opened (see CPoppler/shim.h). Its headers
   are in the compiler's search path: each function keeps its C API name and its exact type
   (__typeof__). */
#define VT_LIBCRYPTO_FUNCTIONS(F) \
    F(ASN1_STRING_get0_data) F(ASN1_STRING_length) F(ASN1_STRING_to_UTF8) F(ASN1_TIME_to_tm) \
    F(BIO_free) F(BIO_new_mem_buf) F(CMS_ContentInfo_free) F(CMS_SignerInfo_get0_algs) \
    F(CMS_SignerInfo_verify) F(CMS_get0_SignerInfos) F(CMS_get1_certs) F(CMS_set1_signers_certs) \
    F(CMS_signed_get0_data_by_OBJ) F(CMS_signed_get_attr) F(CMS_signed_get_attr_by_NID) \
    F(CRYPTO_free) F(ERR_clear_error) F(EVP_Digest) F(EVP_DigestVerify) F(EVP_DigestVerifyInit) \
    F(EVP_MD_CTX_free) F(EVP_MD_CTX_new) F(EVP_PKEY_free) F(EVP_get_digestbyname) F(EVP_sha1) \
    F(EVP_sha256) F(OBJ_nid2obj) F(OBJ_nid2sn) F(OBJ_obj2nid) F(OPENSSL_sk_free) \
    F(OPENSSL_sk_new_null) F(OPENSSL_sk_num) F(OPENSSL_sk_pop_free) F(OPENSSL_sk_value) \
    F(PEM_read_bio_X509) F(X509_ALGOR_get0) F(X509_ATTRIBUTE_get0_type) F(X509_NAME_ENTRY_get_data) \
    F(X509_NAME_ENTRY_get_object) F(X509_NAME_entry_count) F(X509_NAME_get_entry) \
    F(X509_NAME_get_index_by_NID) F(X509_STORE_CTX_free) F(X509_STORE_CTX_init) \
    F(X509_STORE_CTX_new) F(X509_STORE_CTX_set_time) F(X509_STORE_add_cert) F(X509_STORE_free) \
    F(X509_STORE_new) F(X509_free) F(X509_get0_notAfter) F(X509_get_pubkey) F(X509_get_subject_name) \
    F(X509_verify_cert) F(d2i_CMS_ContentInfo) F(d2i_X509) F(i2d_X509)

#define VT_FIELD(name) __typeof__(name) *_Nonnull name;
typedef struct { VT_LIBCRYPTO_FUNCTIONS(VT_FIELD) } VTLibCrypto;
#undef VT_FIELD

/* The functions, or NULL when the library (Debian libssl3) cannot be opened. Called once. */
static inline const VTLibCrypto *_Nullable vt_libcrypto_open(void) {
    static VTLibCrypto api;
    void *handle = dlopen("libcrypto.so.3", RTLD_NOW | RTLD_LOCAL);
    if (handle == NULL) handle = dlopen("libcrypto.so", RTLD_NOW | RTLD_LOCAL);
    if (handle == NULL) handle = dlopen("libcrypto.3.dylib", RTLD_NOW | RTLD_LOCAL);
    if (handle == NULL) return NULL;
#define VT_LOAD(name) if ((api.name = (__typeof__(name) *)dlsym(handle, #name)) == NULL) return NULL;
    VT_LIBCRYPTO_FUNCTIONS(VT_LOAD)
#undef VT_LOAD
    return &api;
}
