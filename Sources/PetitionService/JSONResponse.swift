import Foundation
import Hummingbird
import PetitionAnswers

/// A JSON answer as the command line's `--json` prints it: sorted keys,
/// slashes unescaped, UTF-8.
enum JSONResponse {
    static func make(_ object: Any, status: HTTPResponse.Status = .ok) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data(object))))
    }

    /// A typed answer, written by `JSONEncoder` (see ``CheckAnswer``).
    static func make(_ answer: CheckAnswer, status: HTTPResponse.Status = .ok) throws -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: try answer.jsonData())))
    }

    static func data(_ object: Any) -> Data {
        (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]))
            ?? Data("{}".utf8)
    }
}
