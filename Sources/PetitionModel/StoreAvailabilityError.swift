/// An error of a storage backend that can tell whether the store itself was
/// out of reach — a database server down or restarting, a connection lost, a
/// transaction cancelled by the server — rather than the request being at
/// fault. A caller such as the service answers the first "try again later"
/// (503) and keeps its 500 for what nobody can retry away.
///
/// The store's own protocols stay free of any one backend's errors: a backend
/// conforms its error type here, and the service asks only this.
public protocol StoreAvailabilityError: Error {
    /// True when the same request may succeed later, unchanged.
    var isTransient: Bool { get }
}
