import Foundation
import PetitionService

/// A JSON value with its JSON type kept exact (a boolean is not a number),
/// as the contract needs to check `type`.
enum JSONValue: Decodable, Equatable {
    case null, bool(Bool), integer(Int64), number(Double), string(String)
    case array([JSONValue]), object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let value = try? container.decode(Bool.self) { self = .bool(value) }
        else if let value = try? container.decode(Int64.self) { self = .integer(value) }
        else if let value = try? container.decode(Double.self) { self = .number(value) }
        else if let value = try? container.decode(String.self) { self = .string(value) }
        else if let value = try? container.decode([JSONValue].self) { self = .array(value) }
        else { self = .object(try container.decode([String: JSONValue].self)) }
    }

    var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .integer: "integer"
        case .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }

    func isOfType(_ name: String) -> Bool {
        name == typeName || (name == "number" && typeName == "integer")
    }
}

/// Holds answers to the OpenAPI document the service serves: the status must
/// be documented for the route and method, and a JSON body must match the
/// documented schema (types, required keys, properties, items, enums, $ref,
/// anyOf, additionalProperties: the parts of JSON Schema the document uses).
struct OpenAPIContract {
    let document: JSONValue

    init() throws {
        guard let data = OpenAPIDocument.data else { throw TestFailure("openapi.json not bundled") }
        document = try JSONDecoder().decode(JSONValue.self, from: data)
    }

    /// What is wrong with an answer to `method template`; empty when it keeps the contract.
    func problems(method: String, template: String, answer: Answer) -> [String] {
        let where_ = "\(method) \(template) → \(answer.status)"
        guard case let .object(root) = document, case let .object(paths)? = root["paths"],
              case let .object(path)? = paths[template] else { return ["\(where_): route not documented"] }
        guard case let .object(operation)? = path[method.lowercased()] else { return ["\(where_): method not documented"] }
        guard case let .object(responses)? = operation["responses"],
              case let .object(response)? = responses[String(answer.status)] else {
            return ["\(where_): status not documented"]
        }
        guard case let .object(content)? = response["content"] else {
            return answer.body.isEmpty ? [] : ["\(where_): a body where none is documented"]
        }
        let contentType = answer.headers["content-type"] ?? ""
        for type in ["text/plain", "text/html"] where contentType.hasPrefix(type) {
            return content[type] == nil ? ["\(where_): \(type) not documented"] : []
        }
        guard contentType.hasPrefix("application/json") else { return ["\(where_): content type \(contentType)"] }
        guard case let .object(media)? = content["application/json"], let schema = media["schema"] else {
            return ["\(where_): application/json not documented"]
        }
        guard let value = try? JSONDecoder().decode(JSONValue.self, from: answer.body) else {
            return ["\(where_): body is not JSON"]
        }
        return validate(value, against: schema, at: "\(where_) $")
    }

    func validate(_ value: JSONValue, against schema: JSONValue, at path: String) -> [String] {
        guard case let .object(schema) = schema else { return [] }
        if case let .string(reference)? = schema["$ref"] {
            guard let resolved = resolve(reference) else { return ["\(path): unresolved \(reference)"] }
            return validate(value, against: resolved, at: path)
        }
        if case let .array(options)? = schema["anyOf"] {
            let outcomes = options.map { validate(value, against: $0, at: path) }
            if !outcomes.contains(where: \.isEmpty) { return ["\(path): matches no anyOf option: \(outcomes.flatMap { $0 })"] }
        }
        var problems: [String] = []
        switch schema["type"] {
        case let .string(type)?:
            if !value.isOfType(type) { return ["\(path): \(value.typeName), documented \(type)"] }
        case let .array(types)?:
            let names = types.compactMap { if case let .string(name) = $0 { name } else { nil } }
            if !names.contains(where: value.isOfType) { return ["\(path): \(value.typeName), documented \(names)"] }
        default:
            break
        }
        if case let .array(allowed)? = schema["enum"], !allowed.contains(value) {
            problems.append("\(path): \(value) not among \(allowed)")
        }
        if case let .object(object) = value {
            if case let .array(required)? = schema["required"] {
                for case let .string(key) in required where object[key] == nil {
                    problems.append("\(path): required key \(key) missing")
                }
            }
            let properties: [String: JSONValue] = if case let .object(properties)? = schema["properties"] { properties } else { [:] }
            for (key, member) in object {
                if let propertySchema = properties[key] {
                    problems += validate(member, against: propertySchema, at: "\(path).\(key)")
                } else if let additional = schema["additionalProperties"] {
                    problems += validate(member, against: additional, at: "\(path).\(key)")
                }
            }
        }
        if case let .array(elements) = value, let items = schema["items"] {
            for (index, element) in elements.enumerated() {
                problems += validate(element, against: items, at: "\(path)[\(index)]")
            }
        }
        return problems
    }

    private func resolve(_ reference: String) -> JSONValue? {
        guard reference.hasPrefix("#/") else { return nil }
        var node = document
        for part in reference.dropFirst(2).split(separator: "/") {
            guard case let .object(object) = node, let next = object[String(part)] else { return nil }
            node = next
        }
        return node
    }

    /// Every documented route and method, as `METHOD /path`.
    var operations: [String] {
        guard case let .object(root) = document, case let .object(paths)? = root["paths"] else { return [] }
        return paths.flatMap { template, item -> [String] in
            guard case let .object(methods) = item else { return [] }
            return methods.keys.map { "\($0.uppercased()) \(template)" }
        }.sorted()
    }
}
