import Foundation

extension CharacterSet {
    /// What a query value may hold unescaped: unreserved characters only, so
    /// that `&`, `=`, `+` and `#` in a region's name survive the round trip.
    static let urlQueryValueAllowed = CharacterSet(charactersIn:
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
}
