import Foundation

/// Reads what ``BinaryWriter`` wrote; every read is nil past the end or on a malformed value.
struct BinaryReader {
    private let bytes: [UInt8]
    private var position = 0

    init(_ data: Data) { bytes = [UInt8](data) }

    mutating func byte() -> UInt8? {
        guard position < bytes.count else { return nil }
        defer { position += 1 }
        return bytes[position]
    }

    mutating func integer() -> Int? {
        var value: UInt64 = 0, shift: UInt64 = 0
        while let byte = byte() {
            value |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 { return Int(Int64(bitPattern: (value >> 1) ^ (0 &- (value & 1)))) }
            shift += 7
            if shift > 63 { return nil }
        }
        return nil
    }

    mutating func string() -> String? {
        guard let count = integer(), count >= 0, position + count <= bytes.count else { return nil }
        defer { position += count }
        return String(decoding: bytes[position..<position + count], as: UTF8.self)
    }

    mutating func optionalString() -> String?? {
        switch byte() {
        case 0: return .some(nil)
        case 1: return string().map { .some($0) }
        default: return nil
        }
    }

    mutating func strings() -> [String]? {
        guard let count = integer(), count >= 0, count <= bytes.count else { return nil }
        var values: [String] = []
        values.reserveCapacity(count)
        for _ in 0..<count {
            guard let value = string() else { return nil }
            values.append(value)
        }
        return values
    }

    mutating func integers() -> [Int]? {
        guard let count = integer(), count >= 0, count <= bytes.count else { return nil }
        var values: [Int] = []
        values.reserveCapacity(count)
        for _ in 0..<count {
            guard let value = integer() else { return nil }
            values.append(value)
        }
        return values
    }

    mutating func words() -> [UInt64]? {
        guard let count = integer(), count >= 0, count <= (bytes.count - position) / 8 else { return nil }
        var values: [UInt64] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(fixed64()!) }
        return values
    }

    mutating func fixed32() -> UInt32? {
        guard position + 4 <= bytes.count else { return nil }
        var value: UInt32 = 0
        for shift in 0..<4 { value |= UInt32(bytes[position + shift]) << UInt32(8 * shift) }
        position += 4
        return value
    }

    mutating func fixed64() -> UInt64? {
        guard position + 8 <= bytes.count else { return nil }
        var value: UInt64 = 0
        for shift in 0..<8 { value |= UInt64(bytes[position + shift]) << UInt64(8 * shift) }
        position += 8
        return value
    }

    /// Bytes not yet read.
    var remaining: Int { bytes.count - position }

    /// Whether every byte has been read: a longer input is not what was written.
    var isAtEnd: Bool { position == bytes.count }
}
