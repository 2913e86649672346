/// Every route the service answers, with its methods: to tell an unknown
/// path (404) from a known path asked with another method (405, with
/// `Allow`). The contract test holds it to the OpenAPI document's paths.
public enum RouteTable {
    public static let routes: [(template: String, methods: [String])] = [
        ("/", ["GET"]), ("/login", ["POST"]), ("/logout", ["POST"]), ("/labels", ["GET", "POST"]), ("/v1/dashboard", ["GET"]),
        ("/healthz", ["GET"]), ("/metrics", ["GET"]), ("/openapi.json", ["GET"]),
        ("/v1/check", ["POST"]), ("/v1/petitions", ["POST"]), ("/v1/search", ["GET"]),
        ("/v1/petitions/{id}", ["GET"]), ("/v1/matters/{id}", ["GET"]), ("/v1/backlog-cases/{id}", ["GET"]),
        ("/v1/dedup", ["GET", "POST"]), ("/v1/audit", ["GET"]),
        ("/v1/labels", ["GET", "POST"]),
    ]

    /// The methods a path is answered with; empty for a path no route matches.
    public static func methods(for path: String) -> [String] {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true)
        for route in routes {
            let pattern = route.template.split(separator: "/", omittingEmptySubsequences: true)
            guard pattern.count == parts.count else { continue }
            if zip(pattern, parts).allSatisfy({ $0.hasPrefix("{") || $0 == $1 }) { return route.methods }
        }
        return []
    }
}
