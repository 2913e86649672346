import Foundation

/// Buffered writer of JSON Lines with hand-written escaping and a fixed key order.
final class JSONLWriter {
    private let file: UnsafeMutablePointer<FILE>
    private var buf: [UInt8] = []

    init(path: String) {
        guard let f = fopen(path, "wb") else {
            FileHandle.standardError.write("petition-corpus: cannot write \(path)\n".data(using: .utf8)!)
            exit(1)
        }
        file = f
        buf.reserveCapacity(1 << 21)
    }

    @inline(__always) func raw(_ s: StaticString) {
        s.withUTF8Buffer { buf.append(contentsOf: $0) }
    }

    func rawString(_ s: String) {
        var s = s
        s.withUTF8 { buf.append(contentsOf: $0) }
    }

    /// A JSON string literal with `"`, `\` and control characters escaped.
    func str(_ s: String) {
        // work on a local buffer: no dynamic exclusivity checks per byte
        var buf: [UInt8] = []
        swap(&buf, &self.buf)
        defer { swap(&buf, &self.buf) }
        buf.append(34)
        var s = s
        s.withUTF8 { u in
            var clean = true
            for b in u where b < 32 || b == 34 || b == 92 { clean = false; break }
            if clean { buf.append(contentsOf: u); return }
            for b in u {
                switch b {
                case 34: buf.append(92); buf.append(34)
                case 92: buf.append(92); buf.append(92)
                case 10: buf.append(92); buf.append(110)
                case 13: buf.append(92); buf.append(114)
                case 9: buf.append(92); buf.append(116)
                case 0..<32:
                    let hex: [UInt8] = Array("0123456789abcdef".utf8)
                    buf.append(contentsOf: [92, 117, 48, 48, hex[Int(b >> 4)], hex[Int(b & 15)]])
                default: buf.append(b)
                }
            }
        }
        buf.append(34)
    }

    func key(_ k: StaticString) {
        buf.append(34)
        raw(k)
        buf.append(34)
        buf.append(58)
        buf.append(32)
    }

    func int(_ n: Int) { rawString(String(n)) }

    func strOrNull(_ s: String?) {
        if let s { str(s) } else { raw("null") }
    }

    func endLine() {
        buf.append(10)
        if buf.count >= 1 << 20 { flush() }
    }

    func flush() {
        if !buf.isEmpty {
            _ = buf.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
            buf.removeAll(keepingCapacity: true)
        }
    }

    func close() {
        flush()
        fclose(file)
    }
}
