import PetitionText

/// The city a petition belongs to, as its partition key: the first four
/// digits of its six-digit administrative region code followed by 00 (a
/// county 370112 belongs to the city 370100; a city code is its own city).
/// A petition with no usable code gets the empty key, kept in the default
/// partition. A province-level code (370000) is its own key too: petitions
/// filed with the province alone stay apart from every city's.
public enum RegionCode {
    public static func city(of regionCode: String?) -> String {
        guard let regionCode else { return "" }
        let digits = regionCode.utf8.prefix(6)
        guard digits.count == 6, digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return "" }
        return String(decoding: digits.prefix(4), as: UTF8.self) + "00"
    }

    /// Whether `text` is a key ``city(of:)`` can give (what `--region` takes).
    public static func isCity(_ text: String) -> Bool {
        text.utf8.count == 6 && text.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } && text.hasSuffix("00")
    }

    /// The name of a city's partition of `petition`.
    static func partitionName(_ city: String) -> String {
        "petition_p_" + city
    }
}
