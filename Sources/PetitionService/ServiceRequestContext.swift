import Hummingbird
import NIOCore

/// The context of one request: Hummingbird's core, and the notes the
/// service's middleware and handlers share (``RequestNotes``).
public struct ServiceRequestContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    public let notes: RequestNotes
    public let remoteAddress: SocketAddress?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        notes = RequestNotes()
        remoteAddress = source.channel.remoteAddress
    }

    /// The client's IP address (no port: a client opens many connections), for limits on callers without a token.
    public var clientAddress: String {
        remoteAddress?.ipAddress ?? "unknown"
    }

    /// The authenticated caller; set by ``AuthenticationMiddleware`` on every `/v1` route.
    public func caller() throws(ServiceError) -> Caller {
        guard let caller = notes.caller else { throw .missingToken }
        return caller
    }

    /// Fails with 403 unless the caller's role holds the permission.
    public func require(_ permission: Permission) throws(ServiceError) {
        let caller = try caller()
        guard caller.role.allows(permission) else { throw .forbidden(role: caller.role, permission: permission) }
    }
}
