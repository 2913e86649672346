import Foundation
import Hummingbird
import PetitionAnswers

extension ServiceRoutes {
    /// `GET /healthz`: the store answers and the resident index is loaded. No token needed.
    @Sendable func healthz(_ request: Request, context: ServiceRequestContext) async throws -> Response {
        let petitions = try await work.run(by: RequestDeadline(after: .seconds(5))) { [store] in try store.petitionCount() }
        metrics.corpusPetitions.record(petitions)
        return JSONResponse.make([
            "status": "ok", "petitions": petitions, "index_run_id": AnswerJSON.null(await index.runID),
            "dedup_running": runner.isRunning,
        ] as [String: Any])
    }

    /// `GET /metrics`: Prometheus text. The corpus size is read at each scrape. No token needed.
    @Sendable func prometheus(_ request: Request, context: ServiceRequestContext) async throws -> Response {
        let petitions = try await work.run(by: RequestDeadline(after: .seconds(5))) { [store] in try store.petitionCount() }
        metrics.corpusPetitions.record(petitions)
        var headers = HTTPFields()
        headers[.contentType] = "text/plain; version=0.0.4; charset=utf-8"
        return Response(status: .ok, headers: headers,
                        body: .init(byteBuffer: ByteBuffer(string: metrics.prometheusText())))
    }

    /// `GET /openapi.json`: the OpenAPI 3.1 document of this API. No token needed.
    @Sendable func openAPIDocument(_ request: Request, context: ServiceRequestContext) async throws -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: openAPI)))
    }
}
