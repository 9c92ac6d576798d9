#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// GBK/GB18030 → String through the C library's iconv (glibc ships the
/// GB18030 converter with libc6 on Debian; GB18030 is a superset of GBK and
/// GB2312, so one converter reads what Excel and WPS save).
enum GB18030 {
    /// nil when the bytes are not valid GB18030.
    static func decode(_ bytes: [UInt8]) -> String? {
        guard let cd = iconv_open("UTF-8", "GB18030"), cd != UnsafeMutableRawPointer(bitPattern: -1) else { return nil }
        defer { iconv_close(cd) }
        var input = bytes.map { CChar(bitPattern: $0) }
        var output = [CChar](repeating: 0, count: bytes.count * 2 + 4)
        let produced: Int? = input.withUnsafeMutableBufferPointer { inBuf in
            output.withUnsafeMutableBufferPointer { outBuf in
                var inPtr: UnsafeMutablePointer<CChar>? = inBuf.baseAddress
                var inLeft = inBuf.count
                var outPtr: UnsafeMutablePointer<CChar>? = outBuf.baseAddress
                var outLeft = outBuf.count
                let result = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                guard result != -1, inLeft == 0 else { return nil }
                return outBuf.count - outLeft
            }
        }
        guard let produced else { return nil }
        return String(validating: output[0..<produced].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
