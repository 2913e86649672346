import Foundation
import PetitionService
import PetitionModel
import PetitionStore
import Testing

/// The 挂图作战 dashboard over a real socket: its sign-in, its session, its
/// audit, and its figures against `GET /v1/dashboard`.
@Suite("Service dashboard", .serialized)
struct ServiceDashboardTests {
    static let form = "application/x-www-form-urlencoded"

    @Test("without a token or a session, / shows the sign-in form")
    func signInFormFirst() async throws {
        let database = try TestDatabase()
        let server = try await RunningServer(database)
        let answer = try await server.client().get("/")
        #expect(answer.status == 401)
        #expect(answer.headers["content-type"]?.hasPrefix("text/html") == true)
        #expect(answer.text.contains("<form class=\"signin\" method=\"post\" action=\"/login\">"))
        #expect(!answer.text.contains("data-figure"))
        try await server.stop()
    }

    @Test("a bad token at sign-in shows the form again with the reason; nothing is set")
    func badTokenAtSignIn() async throws {
        let database = try TestDatabase()
        let server = try await RunningServer(database)
        let unknown = "pt_" + String(repeating: "A", count: 43)
        let answer = try await server.client().post("/login", text: "token=\(unknown)", contentType: Self.form)
        #expect(answer.status == 401)
        #expect(answer.text.contains("访问令牌无效或已吊销"))
        #expect(answer.headers["set-cookie"] == nil)
        try await server.stop()
    }

    @Test("signing in sets an HttpOnly, SameSite cookie that opens the dashboard")
    func sessionOpensTheDashboard() async throws {
        let database = try TestDatabase()
        let server = try await RunningServer(database)
        let cookie = try await signIn(server, token: database.clerk)
        #expect(cookie.contains("HttpOnly"))
        #expect(cookie.contains("SameSite=Strict"))
        #expect(!cookie.contains(database.clerk))
        let page = try await server.client().get("/", headers: ["Cookie": Self.pair(cookie)])
        #expect(page.status == 200)
        #expect(page.text.contains("信访工作挂图作战"))
        #expect(page.text.contains("操作员 李登记"))
        try await server.stop()
    }

    @Test("a revoked token ends the sessions opened with it")
    func revocationEndsSessions() async throws {
        let database = try TestDatabase()
        let server = try await RunningServer(database)
        let issued = try TokenIssuer(store: database.store).issue(operatorName: "临时", role: .clerk)
        let cookie = Self.pair(try await signIn(server, token: issued.token))
        #expect(try await server.client().get("/", headers: ["Cookie": cookie]).status == 200)
        #expect(try database.store.revokeToken(id: issued.record.tokenID, at: "2026-01-01T00:00:00Z"))
        let after = try await server.client().get("/", headers: ["Cookie": cookie])
        #expect(after.status == 401)
        #expect(after.text.contains("action=\"/login\""))
        try await server.stop()
    }

    @Test("signing out ends the session")
    func signOut() async throws {
        let database = try TestDatabase()
        let server = try await RunningServer(database)
        let cookie = Self.pair(try await signIn(server, token: database.clerk))
        let out = try await server.client().send("POST", "/logout", headers: ["Cookie": cookie])
        #expect(out.status == 303)
        #expect(out.headers["set-cookie"]?.contains("Max-Age=0") == true)
        #expect(try await server.client().get("/", headers: ["Cookie": cookie]).status == 401)
        try await server.stop()
    }

    @Test("the page's figures are the API's, for all regions and for a province drilled into")
    func pageEqualsAPI() async throws {
        let database = try TestDatabase()
        let server = try await RunningServer(database)
        let client = server.client(database.clerk)
        let all = try await client.get("/v1/dashboard").json
        let region = try #require(all["region"] as? [String: Any])
        let provinces = try #require(region["children"] as? [[String: Any]])
        let province = try #require(provinces.first?["name"] as? String)
        for query in ["", "?province=\(encoded(province))"] {
            let api = try await client.get("/v1/dashboard" + query).json
            let page = try await client.get("/" + query)
            #expect(page.status == 200)
            let shown = try #require(api["region"] as? [String: Any])
            let counts = try #require(shown["counts"] as? [String: Int])
            let tiles = Self.tiles(page.text)
            for (key, value) in counts { #expect(tiles[key] == value, "\(query) \(key)") }
            #expect(tiles["needing_review"] == api["needing_review"] as? Int)
            #expect(tiles["backlog_cases"] == (api["backlog"] as? [Any])?.count)
            #expect(tiles["class_cases"] == (api["classes"] as? [Any])?.count)
            let children = try #require(shown["children"] as? [[String: Any]])
            #expect(Self.regionRows(page.text) == children.compactMap { $0["name"] as? String })
            let cases = (api["backlog"] as? [[String: Any]] ?? []).compactMap { $0["case_id"] as? String }
            #expect(Self.attributes("data-case", in: page.text) == Array(cases.prefix(300)))
        }
        try await server.stop()
    }

    @Test("every view of the page is written to the audit trail with its operator and region")
    func viewsAreAudited() async throws {
        let database = try TestDatabase()
        let server = try await RunningServer(database)
        let cookie = Self.pair(try await signIn(server, token: database.investigator))
        _ = try await server.client().get("/", headers: ["Cookie": cookie])
        _ = try await server.client().get("/")
        let entries = try await server.client(database.admin).get("/v1/audit").json["entries"] as? [[String: Any]] ?? []
        let views = entries.filter { ($0["command"] as? String)?.hasPrefix("GET / ") == true }
        #expect(views.contains { $0["operator"] as? String == "赵调查" && $0["command"] as? String == "GET / 200" })
        #expect(views.contains { $0["command"] as? String == "GET / 401" })
        #expect(entries.contains { $0["command"] as? String == "POST /login 303" && $0["operator"] as? String == "赵调查" })
        try await server.stop()
    }

    // MARK: - Reading the page

    private func signIn(_ server: RunningServer, token: String) async throws -> String {
        let answer = try await server.client().post("/login", text: "token=\(token)", contentType: Self.form)
        #expect(answer.status == 303)
        #expect(answer.headers["location"] == "/")
        return try #require(answer.headers["set-cookie"])
    }

    /// `name=value` of a `Set-Cookie` header, as a browser sends it back.
    static func pair(_ setCookie: String) -> String {
        String(setCookie.split(separator: ";")[0])
    }

    /// The summary tiles: `data-figure` → its number.
    static func tiles(_ html: String) -> [String: Int] {
        guard let start = html.range(of: "<section id=\"figures\">"),
              let end = html.range(of: "</section>", range: start.upperBound..<html.endIndex) else { return [:] }
        var figures: [String: Int] = [:]
        let section = String(html[start.upperBound..<end.lowerBound])
        let pattern = try! NSRegularExpression(pattern: #"data-figure="(\w+)">(\d+)<"#)
        for match in pattern.matches(in: section, range: NSRange(section.startIndex..., in: section)) {
            let key = String(section[Range(match.range(at: 1), in: section)!])
            figures[key] = Int(section[Range(match.range(at: 2), in: section)!])
        }
        return figures
    }

    static func regionRows(_ html: String) -> [String] {
        attributes("data-region", in: html)
    }

    /// The values of an attribute, in page order, unescaped.
    static func attributes(_ name: String, in html: String) -> [String] {
        let pattern = try! NSRegularExpression(pattern: name + #"="([^"]*)""#)
        return pattern.matches(in: html, range: NSRange(html.startIndex..., in: html)).map { match in
            String(html[Range(match.range(at: 1), in: html)!]).replacingOccurrences(of: "&quot;", with: "\"")
                .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                .replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
        }
    }
}
