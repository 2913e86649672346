import HTTPTypes
import Hummingbird

/// Refuses a sign-in form posted from another site's page (login CSRF: a
/// page elsewhere signs the clerk's browser in under the attacker's token,
/// so that what the clerk then looks at is audited as the attacker's).
/// Browsers send `Origin` with every cross-site POST, so a mismatch is
/// refused; a request without it (curl, a script) is not a browser's and
/// cannot carry the victim's cookies into the answer.
enum SignInOrigin {
    static func verify(_ request: Request) throws(ServiceError) {
        if request.headers[HTTPField.Name("Sec-Fetch-Site")!] == "cross-site" {
            throw .crossOrigin(origin: request.headers[.origin] ?? "cross-site")
        }
        guard let origin = request.headers[.origin] else { return }
        guard let host = request.head.authority, authority(ofOrigin: origin) == host.lowercased() else {
            throw .crossOrigin(origin: origin)
        }
    }

    /// `https://host:port` → `host:port`; nil for `null` or anything not a URL origin.
    static func authority(ofOrigin origin: String) -> String? {
        guard let range = origin.range(of: "://") else { return nil }
        let rest = origin[range.upperBound...]
        guard !rest.isEmpty, !rest.contains("/") else { return nil }
        return rest.lowercased()
    }
}
