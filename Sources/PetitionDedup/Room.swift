import PetitionText

/// A flat as building-unit-room; the unit may be unknown.
public struct Room: Sendable, Hashable {
    let building: Int32
    let unit: Int32  // -1 when not given
    let room: Int32

    /// Parses the extractor's "5-2-301" or "10--1401".
    init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, let building = Int32(parts[0]), let room = Int32(parts[2]) else { return nil }
        self.building = building
        self.unit = Int32(parts[1]) ?? -1
        self.room = room
    }

    /// Building and room in one word, the unit in another.
    var packed: [UInt64] {
        [UInt64(UInt32(bitPattern: building)) << 32 | UInt64(UInt32(bitPattern: room)),
         UInt64(UInt32(bitPattern: unit))]
    }

    init(_ buildingAndRoom: UInt64, _ unit: UInt64) {
        building = Int32(bitPattern: UInt32(truncatingIfNeeded: buildingAndRoom >> 32))
        room = Int32(bitPattern: UInt32(truncatingIfNeeded: buildingAndRoom))
        self.unit = Int32(bitPattern: UInt32(truncatingIfNeeded: unit))
    }

    /// Building and room agree, and the unit too where both give one (10号楼1401室
    /// and 10号楼4单元1401号 are one flat).
    func isSameFlat(as other: Room?) -> Bool {
        guard let other else { return false }
        return building == other.building && room == other.room && (unit < 0 || other.unit < 0 || unit == other.unit)
    }
}
