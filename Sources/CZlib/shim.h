#include <zlib.h>

/// inflateInit2 is a macro; raw deflate (no zlib header), as zip files store it.
static inline int vanthu_inflate_init_raw(z_stream *stream) {
    return inflateInit2(stream, -15);
}
