import Foundation
import Synchronization

/// Who signed in to the dashboard in a browser: a random session id (the
/// cookie) for the hash of the token they gave. The token itself is neither
/// kept nor sent back; each view looks the hash up again, so a revoked token
/// ends its sessions at once. Sessions live in memory: a restart signs
/// everyone out, which is what an intake office expects of a server restart.
public final class DashboardSessions: Sendable {
    /// How long a session lasts without signing in again: a working day.
    public static let lifetime: TimeInterval = 8 * 3600
    /// Sessions held at most; the oldest go first beyond it.
    static let capacity = 10_000
    public static let cookieName = "petition_session"

    private struct Session {
        let tokenHash: String
        let expires: Date
    }

    private let sessions = Mutex<[String: Session]>([:])

    public init() {}

    /// A new session for a token's hash; returns its id.
    public func open(tokenHash: String, now: Date = Date()) -> String {
        var generator = SystemRandomNumberGenerator()
        let id = (0..<32).map { _ in String(format: "%02x", UInt8.random(in: .min ... .max, using: &generator)) }.joined()
        sessions.withLock { sessions in
            sessions = sessions.filter { $0.value.expires > now }
            if sessions.count >= Self.capacity, let oldest = sessions.min(by: { $0.value.expires < $1.value.expires }) {
                sessions[oldest.key] = nil
            }
            sessions[id] = Session(tokenHash: tokenHash, expires: now.addingTimeInterval(Self.lifetime))
        }
        return id
    }

    /// The token hash of a live session.
    public func tokenHash(session id: String, now: Date = Date()) -> String? {
        sessions.withLock { sessions in
            guard let session = sessions[id] else { return nil }
            guard session.expires > now else {
                sessions[id] = nil
                return nil
            }
            return session.tokenHash
        }
    }

    public func close(session id: String) {
        _ = sessions.withLock { $0.removeValue(forKey: id) }
    }

    /// The session id in a `Cookie` header, if any.
    static func sessionID(inCookieHeader header: String?) -> String? {
        guard let header else { return nil }
        for pair in header.split(separator: ";") {
            let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if parts.count == 2, parts[0] == cookieName, !parts[1].isEmpty { return parts[1] }
        }
        return nil
    }

    /// The `Set-Cookie` value that opens or (with nil) ends a session in the browser.
    static func cookie(_ id: String?) -> String {
        guard let id else { return "\(cookieName)=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0" }
        return "\(cookieName)=\(id); Path=/; HttpOnly; SameSite=Strict; Max-Age=\(Int(lifetime))"
    }
}
