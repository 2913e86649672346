import Foundation

/// The region a dashboard view is about: everything, a province, a city of
/// it, or a county of that (`?province=…&city=…&county=…`).
public struct DashboardScope: Sendable, Equatable {
    public var province: String?
    public var city: String?
    public var county: String?

    public init(province: String? = nil, city: String? = nil, county: String? = nil) {
        self.province = province
        self.city = province == nil ? nil : city
        self.county = province == nil || city == nil ? nil : county
    }

    /// The names from the top down.
    public var names: [String] { [province, city, county].compactMap { $0 } }

    /// Whether a record with these region names lies inside the scope; a
    /// missing name is the page's ``RegionFigures/unnamed``.
    public func contains(province: String?, city: String?, county: String?) -> Bool {
        let names = [province, city, county].map { $0 ?? RegionFigures.unnamed }
        return zip(self.names, names).allSatisfy { $0 == $1 }
    }

    /// The scope one level down, into `name`.
    public func narrowed(to name: String) -> DashboardScope {
        if province == nil { return DashboardScope(province: name) }
        if city == nil { return DashboardScope(province: province, city: name) }
        return DashboardScope(province: province, city: city, county: name)
    }

    /// The query string that names this scope, percent-encoded; empty for everything.
    public var query: String {
        let pairs = [("province", province), ("city", city), ("county", county)].compactMap { key, value in
            value.map { "\(key)=" + ($0.addingPercentEncoding(withAllowedCharacters: .urlQueryValueAllowed) ?? $0) }
        }
        return pairs.isEmpty ? "" : "?" + pairs.joined(separator: "&")
    }
}

extension DashboardScope {
    /// The scope of a path of names from the top down.
    public init(path: [String]) {
        self.init(province: path.first, city: path.count > 1 ? path[1] : nil, county: path.count > 2 ? path[2] : nil)
    }
}
