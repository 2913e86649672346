import Foundation
import Synchronization

/// A token bucket per key (an operator, or an address without a valid
/// token): `burst` requests at once, then `perSecond`. One caller's loop, a
/// misconfigured intake system or a token guesser, cannot take every worker
/// thread from the clerks. Keys idle long enough to have refilled are
/// forgotten, so the table stays as small as the set of active callers.
final class RequestRateLimiter: Sendable {
    let perSecond: Double
    let burst: Double

    private struct Bucket {
        var tokens: Double
        var updated: ContinuousClock.Instant
    }

    private let buckets = Mutex<[String: Bucket]>([:])

    init(perSecond: Double, burst: Int) {
        self.perSecond = perSecond
        self.burst = Double(burst)
    }

    /// Takes one request from the key's bucket, or refuses with 429 and the seconds until one is free.
    func admit(_ key: String, now: ContinuousClock.Instant = .now) throws(ServiceError) {
        let wait: Double? = buckets.withLock { buckets in
            if buckets.count > 10_000 { forgetIdle(&buckets, now: now) }
            var bucket = buckets[key] ?? Bucket(tokens: burst, updated: now)
            bucket.tokens = min(burst, bucket.tokens + perSecond * seconds(from: bucket.updated, to: now))
            bucket.updated = now
            defer { buckets[key] = bucket }
            guard bucket.tokens >= 1 else { return (1 - bucket.tokens) / perSecond }
            bucket.tokens -= 1
            return nil
        }
        if let wait { throw .rateLimited(retryAfterSeconds: max(1, Int(wait.rounded(.up)))) }
    }

    private func forgetIdle(_ buckets: inout [String: Bucket], now: ContinuousClock.Instant) {
        let refill = burst / perSecond
        buckets = buckets.filter { seconds(from: $0.value.updated, to: now) < refill }
    }

    private func seconds(from start: ContinuousClock.Instant, to end: ContinuousClock.Instant) -> Double {
        let elapsed = end - start
        return max(0, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }
}
