#include <dlfcn.h>
#include <stddef.h>
#include <xlsxwriter.h>

/* libxlsxwriter is opened on first use, not linked: only writing a workbook uses it, and loading
   it with minizip at every start cost 1.5 ms of a C program's start-up on this machine (2.5 ms
   against 0.9 ms without it). The way poppler-glib and Tesseract are opened (see
   CPoppler/shim.h). Its header is in the compiler's search path: each function keeps its C API
   name and its exact type (__typeof__). */
#define VT_XLSXWRITER_FUNCTIONS(F) \
    F(chart_add_series) F(chart_legend_set_position) F(chart_series_set_categories) \
    F(chart_series_set_name) F(chart_series_set_values) F(chart_title_set_name) F(format_set_align) \
    F(format_set_bold) F(format_set_border) F(format_set_font_name) F(format_set_font_size) \
    F(format_set_italic) F(format_set_num_format) F(format_set_text_wrap) F(format_set_underline) \
    F(lxw_strerror) F(workbook_add_chart) F(workbook_add_format) F(workbook_add_worksheet) \
    F(workbook_close) F(workbook_new_opt) F(workbook_validate_sheet_name) F(worksheet_activate) \
    F(worksheet_autofilter) F(worksheet_center_horizontally) F(worksheet_fit_to_pages) \
    F(worksheet_freeze_panes) F(worksheet_insert_chart) F(worksheet_merge_range) \
    F(worksheet_repeat_rows) F(worksheet_set_column) F(worksheet_set_footer) \
    F(worksheet_set_h_pagebreaks) F(worksheet_set_landscape) F(worksheet_set_margins) \
    F(worksheet_set_paper) F(worksheet_set_portrait) F(worksheet_set_row) F(worksheet_write_blank) \
    F(worksheet_write_datetime) F(worksheet_write_number) F(worksheet_write_string)

#define VT_FIELD(name) __typeof__(name) *_Nonnull name;
typedef struct { VT_XLSXWRITER_FUNCTIONS(VT_FIELD) } VTXLSXWriter;
#undef VT_FIELD

/* The functions, or NULL when the library (Debian libxlsxwriter4) cannot be opened. Called once. */
static inline const VTXLSXWriter *_Nullable vt_xlsxwriter_open(void) {
    static VTXLSXWriter api;
    void *handle = dlopen("libxlsxwriter.so.4", RTLD_NOW | RTLD_LOCAL);
    if (handle == NULL) handle = dlopen("libxlsxwriter.so", RTLD_NOW | RTLD_LOCAL);
    if (handle == NULL) handle = dlopen("libxlsxwriter.dylib", RTLD_NOW | RTLD_LOCAL);
    if (handle == NULL) return NULL;
#define VT_LOAD(name) if ((api.name = (__typeof__(name) *)dlsym(handle, #name)) == NULL) return NULL;
    VT_XLSXWRITER_FUNCTIONS(VT_LOAD)
#undef VT_LOAD
    return &api;
}
