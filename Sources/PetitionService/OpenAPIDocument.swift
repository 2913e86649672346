import Foundation

/// The OpenAPI 3.1 document of the API, hand-written (`Resources/openapi.json`)
/// and served as it is at `/openapi.json`; the contract tests hold every answer to it.
public enum OpenAPIDocument {
    public static let data: Data? = Bundle.module.url(forResource: "openapi", withExtension: "json")
        .flatMap { try? Data(contentsOf: $0) }
}
