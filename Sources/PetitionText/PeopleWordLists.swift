import Foundation

/// The text of `people.txt` and its sections.
enum PeopleWordLists {
    static let text: String = {
        guard let url = Bundle.module.url(forResource: "people", withExtension: "txt"),
              let text = try? String(contentsOf: url, encoding: .utf8) else { return "" }
        return text
    }()

    /// The entries of one `[section]`.
    static func entries(of section: String, in text: String) -> [String] {
        var current = "", entries: [String] = []
        for rawLine in text.split(whereSeparator: \.isNewline) {
            let line = rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]
                .trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("[") && line.hasSuffix("]") {
                current = String(line.dropFirst().dropLast())
            } else if current == section {
                entries += line.split(separator: " ").map(String.init)
            }
        }
        return entries
    }
}
