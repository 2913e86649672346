import Foundation
import PetitionModel
import Logging
import PetitionText

/// Structured logs on standard error, one line per event: JSON objects
/// (`petition serve --json`) or `key=value` pairs. Every message and
/// metadata value passes through ``PrivacyMask``, so that an ID number or a
/// phone that reached a log call by mistake is masked all the same.
public struct ServiceLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level
    let label: String
    let json: Bool
    let write: @Sendable (String) -> Void

    public init(label: String, json: Bool, level: Logger.Level = .info,
                write: @escaping @Sendable (String) -> Void = { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }) {
        self.label = label
        self.json = json
        logLevel = level
        self.write = write
    }

    /// A logger writing through this handler; no process-wide logging bootstrap.
    public static func logger(label: String = "petition.serve", json: Bool, level: Logger.Level = .info,
                              write: (@Sendable (String) -> Void)? = nil) -> Logger {
        Logger(label: label) { label in
            if let write { return ServiceLogHandler(label: label, json: json, level: level, write: write) }
            return ServiceLogHandler(label: label, json: json, level: level)
        }
    }

    /// A logger at a level named as swift-log names them (`info`, `debug` …); nil for an unknown name.
    public static func logger(json: Bool, levelNamed name: String) -> Logger? {
        Logger.Level(rawValue: name).map { logger(json: json, level: $0) }
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var fields: [(String, String)] = [
            ("at", Self.timestamp()), ("level", event.level.rawValue), ("message", PrivacyMask.text(event.message.description)),
        ]
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        for key in merged.keys.sorted() {
            fields.append((key, PrivacyMask.text(Self.flatten(merged[key]!))))
        }
        if json {
            var object: [String: String] = [:]
            for (key, value) in fields { object[key] = value }
            let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
            write(String(decoding: data, as: UTF8.self))
        } else {
            write(fields.map { key, value in
                "\(key)=" + (value.contains(" ") || value.isEmpty ? "\"\(value.replacingOccurrences(of: "\"", with: "\\\""))\"" : value)
            }.joined(separator: " "))
        }
    }

    private static func flatten(_ value: Logger.MetadataValue) -> String {
        switch value {
        case let .string(text): text
        case let .stringConvertible(convertible): convertible.description
        case let .array(values): "[" + values.map(flatten).joined(separator: ",") + "]"
        case let .dictionary(values): "{" + values.keys.sorted().map { "\($0):\(flatten(values[$0]!))" }.joined(separator: ",") + "}"
        }
    }

    private static func timestamp() -> String {
        StoredTimestamp.now()
    }
}
