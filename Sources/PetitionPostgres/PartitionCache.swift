import Foundation

/// The cities whose partition this process has seen exist.
final class PartitionCache: @unchecked Sendable {
    private let lock = NSLock()
    private var cities: Set<String> = []

    func contains(_ city: String) -> Bool {
        lock.withLock { cities.contains(city) }
    }

    func insert(_ city: String) {
        lock.withLock { _ = cities.insert(city) }
    }
}
