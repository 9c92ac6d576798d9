/// Minimal JSON writing for files gongkai publishes in bulk (the search
/// index, `api/notices.json`, `ledger.json`): strings escaped, no spaces.
/// Many times faster than JSONEncoder on 10,000 notices, which matters
/// because a one-notice edit rewrites those files.
public enum JSONText {
    /// Appends `s` as a JSON string literal: `"`, `\` and control
    /// characters escaped, and U+2028/U+2029 (valid JSON, but not valid in
    /// older JavaScript strings); `/` and all other characters as they are.
    public static func append(_ s: String, to out: inout [UInt8]) {
        var s = s
        s.withUTF8 { utf8 in
            out.append(0x22)
            var i = 0, run = 0
            let n = utf8.count
            /// The bytes since `run` that need no escape, in one copy.
            func flush() {
                if run < i { out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run..<i])) }
            }
            while i < n {
                let b = utf8[i]
                // Most bytes need no escape: one comparison chain for them.
                guard b < 0x20 || b == 0x22 || b == 0x5C || b == 0xE2 else {
                    i += 1
                    continue
                }
                flush()
                switch b {
                case 0x22: out.append(0x5C); out.append(0x22)
                case 0x5C: out.append(0x5C); out.append(0x5C)
                case 0x0A: out.append(0x5C); out.append(0x6E)
                case 0x0D: out.append(0x5C); out.append(0x72)
                case 0x09: out.append(0x5C); out.append(0x74)
                case 0..<0x20:
                    out.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hexDigit(b >> 4), hexDigit(b & 15)])
                case 0xE2 where i + 2 < n && utf8[i + 1] == 0x80 && (utf8[i + 2] == 0xA8 || utf8[i + 2] == 0xA9):
                    out.append(contentsOf: [0x5C, 0x75, 0x32, 0x30, 0x32, utf8[i + 2] == 0xA8 ? 0x38 : 0x39])
                    i += 2
                default: out.append(b)
                }
                i += 1
                run = i
            }
            flush()
            out.append(0x22)
        }
    }

    public static func string(_ s: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count + 2)
        append(s, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// An integer in decimal, without making a String.
    public static func append(_ value: Int, to out: inout [UInt8]) {
        if value < 0 { out.append(0x2D) }
        var v = value.magnitude
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var n = 0
            repeat {
                digits[n] = 48 + UInt8(v % 10)
                v /= 10
                n += 1
            } while v > 0
            while n > 0 { n -= 1; out.append(digits[n]) }
        }
    }

    private static func hexDigit(_ v: UInt8) -> UInt8 { v < 10 ? 48 + v : 87 + v }

    /// Writes one JSON object whose members are added in the order given
    /// (callers add them sorted by key, as JSONEncoder's `.sortedKeys` would).
    public struct Object {
        public private(set) var bytes: [UInt8] = [0x7B]
        private var first = true

        public init() {}

        /// An object written at the end of `buffer` (taken over: pass a
        /// buffer nothing else holds, and get it back from `take()`), so a
        /// list of 10,000 objects is written without a buffer per object.
        public init(continuing buffer: [UInt8]) {
            bytes = buffer
            bytes.append(0x7B)
        }

        /// The buffer with the object closed; the object is empty after.
        public mutating func take() -> [UInt8] {
            bytes.append(0x7D)
            defer { bytes = [] }
            return bytes
        }

        private mutating func key(_ k: StaticString) {
            if !first { bytes.append(0x2C) }
            first = false
            bytes.append(0x22)
            k.withUTF8Buffer { bytes.append(contentsOf: $0) }
            bytes.append(0x22)
            bytes.append(0x3A)
        }

        public mutating func add(_ k: StaticString, _ value: String) {
            key(k)
            JSONText.append(value, to: &bytes)
        }

        /// An optional member: left out when nil (as JSONEncoder does).
        public mutating func add(_ k: StaticString, _ value: String?) {
            if let value { add(k, value) }
        }

        public mutating func add(_ k: StaticString, _ value: Int) {
            key(k)
            JSONText.append(value, to: &bytes)
        }

        /// A member whose value `write` appends (as JSON) to the object's
        /// own bytes: a large value is not made apart and copied in.
        public mutating func add(_ k: StaticString, writing write: (inout [UInt8]) -> Void) {
            key(k)
            write(&bytes)
        }

        /// A member whose value is JSON already.
        public mutating func add(_ k: StaticString, json: [UInt8]) {
            key(k)
            bytes.append(contentsOf: json)
        }

        public func finished() -> [UInt8] { bytes + [0x7D] }
    }
}
