/// A backend's failure that the person running a command can act on (a bad
/// address, a server out of reach, a schema from a newer build, a region code
/// mistyped): the command line reports its Chinese description and exits 1,
/// not as an internal error, without knowing which backend raised it.
public protocol StoreFailure: Error, CustomStringConvertible {}

extension StoreError: StoreFailure {}
extension StoreOpenError: StoreFailure {}
