import CVanThuZlib

/// zlib's inflate, for the compressed cross-reference and object streams of a PDF (the
/// `FlateDecode` filter). The only file that talks to zlib. Output is capped: a stream that
/// inflates past `limit` is refused, not followed (a compression bomb).
enum Inflate {
    static func inflate(_ input: ArraySlice<UInt8>, limit: Int) -> [UInt8]? {
        var stream = z_stream()
        guard inflateInit_(&stream, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return nil }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        let input = Array(input)
        return input.withUnsafeBufferPointer { source -> [UInt8]? in
            stream.next_in = UnsafeMutablePointer(mutating: source.baseAddress)
            stream.avail_in = UInt32(source.count)
            while true {
                let status = chunk.withUnsafeMutableBufferPointer { buffer -> Int32 in
                    stream.next_out = buffer.baseAddress
                    stream.avail_out = UInt32(buffer.count)
                    return CVanThuZlib.inflate(&stream, Z_NO_FLUSH)
                }
                let produced = chunk.count - Int(stream.avail_out)
                output.append(contentsOf: chunk[0..<produced])
                if output.count > limit { return nil }
                if status == Z_STREAM_END { return output }
                // Some writers end a stream without its checksum: what was inflated is kept.
                if status == Z_BUF_ERROR && stream.avail_in == 0 { return output }
                guard status == Z_OK else { return output.isEmpty ? nil : output }
            }
        }
    }
}
