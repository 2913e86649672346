import Foundation

/// The one binary form of everything the detector stores (profiles, vectors,
/// index records, word statistics): bytes, zig-zag varints, length-prefixed
/// strings and lists, and fixed-width little-endian words. ``BinaryReader``
/// reads it back.
struct BinaryWriter {
    init(capacity: Int = 0) { data.reserveCapacity(capacity) }

    private(set) var data = Data()

    mutating func byte(_ value: UInt8) { data.append(value) }

    /// Zig-zag LEB128: small numbers of either sign take one or two bytes.
    mutating func integer(_ value: Int) {
        var zigzag = UInt64(bitPattern: Int64((value << 1) ^ (value >> 63)))
        repeat {
            var byte = UInt8(zigzag & 0x7F)
            zigzag >>= 7
            if zigzag != 0 { byte |= 0x80 }
            data.append(byte)
        } while zigzag != 0
    }

    mutating func string(_ value: String) {
        let bytes = Array(value.utf8)
        integer(bytes.count)
        data.append(contentsOf: bytes)
    }

    mutating func optionalString(_ value: String?) {
        if let value {
            byte(1)
            string(value)
        } else {
            byte(0)
        }
    }

    mutating func strings(_ values: [String]) {
        integer(values.count)
        values.forEach { string($0) }
    }

    mutating func integers(_ values: [Int]) {
        integer(values.count)
        values.forEach { integer($0) }
    }

    /// Eight bytes, little-endian: for hashes, which a varint would lengthen.
    mutating func words(_ values: [UInt64]) {
        integer(values.count)
        values.forEach { fixed64($0) }
    }

    /// Four bytes, little-endian.
    mutating func fixed32(_ value: UInt32) {
        withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) }
    }

    /// Eight bytes, little-endian.
    mutating func fixed64(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) }
    }
}
