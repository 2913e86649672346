/// A route as metrics, logs and the audit trail name it: its template
/// (`/v1/petitions/{id}`), never the path with its ids, so that no
/// petitioner's data reaches a label and the number of series stays fixed.
enum RouteName {
    /// Hummingbird's endpoint path (`/v1/petitions/:id`) as an OpenAPI template.
    static func template(_ endpointPath: String) -> String {
        if endpointPath == "NotFound" { return "unmatched" }
        let parts = endpointPath.split(separator: "/", omittingEmptySubsequences: false).map { part in
            part.hasPrefix(":") ? "{\(part.dropFirst())}" : String(part)
        }
        let joined = parts.joined(separator: "/")
        return joined.hasPrefix("/") ? joined : "/" + joined
    }
}
