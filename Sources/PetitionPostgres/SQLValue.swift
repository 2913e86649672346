import Foundation
import NIOCore
import PostgresNIO

/// A value bound to a statement built at run time (multi-row inserts), typed
/// so that a NULL goes to the server with its type.
enum SQLValue {
    case text(String?)
    case integer(Int64?)
    case real(Double?)
    case boolean(Bool?)
    case bytes(Data?)

    static func int(_ value: Int?) -> SQLValue { .integer(value.map(Int64.init)) }

    func bind(into bindings: inout PostgresBindings) {
        switch self {
        case let .text(value): bindings.append(value)
        case let .integer(value): bindings.append(value)
        case let .real(value): bindings.append(value)
        case let .boolean(value): bindings.append(value)
        case let .bytes(value): bindings.append(value.map { ByteBuffer(bytes: $0) })
        }
    }
}
