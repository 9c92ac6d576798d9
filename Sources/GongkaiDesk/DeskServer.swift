import Foundation
import GongkaiCore
import HTTPTypes
import Hummingbird
import NIOCore

/// `gongkai desk`: the HTTP side of `DeskService` (docs/design.md §9,
/// docs/desk.md). Thin on purpose: read the request (with a size limit and
/// a time limit), call the service, answer in HTML or, with
/// `Accept: application/json`, in JSON. Every answer carries the CSP.
public struct DeskServer: Sendable {
    public let service: DeskService
    public let host: String
    public let port: Int
    /// Seconds a client may take to send its request body.
    public let readTimeout: Double
    /// Seconds an idle connection is kept open.
    public let idleTimeout: Int64
    public let log: @Sendable (String) -> Void

    public init(service: DeskService, host: String = "127.0.0.1", port: Int = 8090, readTimeout: Double = 10,
                idleTimeout: Int64 = 30, log: @escaping @Sendable (String) -> Void) {
        self.service = service
        self.host = host
        self.port = port
        self.readTimeout = readTimeout
        self.idleTimeout = idleTimeout
        self.log = log
    }

    struct Context: RequestContext {
        var coreContext: CoreRequestContextStorage
        let remoteAddress: SocketAddress?
        init(source: ApplicationRequestContextSource) {
            coreContext = .init(source: source)
            remoteAddress = source.channel.remoteAddress
        }
    }

    public func run(onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        await service.refresh(force: true)
        let refresher = Task.detached { [service] in
            while !Task.isCancelled {
                try? await Task.sleep(nanoseconds: 2_000_000_000)
                await service.refresh()
            }
        }
        defer { refresher.cancel() }
        let app = Application(
            router: router(),
            server: .http1(configuration: .init(idleTimeout: .seconds(idleTimeout))),
            configuration: .init(address: .hostname(host, port: port), serverName: "gongkai-desk"),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? 0) })
        try await app.runService()
    }

    func router() -> Router<Context> {
        let router = Router(context: Context.self)
        let service = self.service
        let timeout = readTimeout
        router.post("/objections") { request, context in
            await Self.submit(.objection, request, context, service, timeout)
        }
        router.post("/suggestions") { request, context in
            await Self.submit(.suggestion, request, context, service, timeout)
        }
        router.get("/status") { request, _ in
            let site = service.catalog.current
            let json = Self.wantsJSON(request)
            switch await service.status(code: request.uri.queryParameters["code"].map(String.init) ?? "") {
            case .success(let s):
                if json {
                    var o: [String: String] = ["code": s.stored.code, "kind": s.stored.kind.rawValue, "state": s.state.rawValue,
                                               "received": s.stored.received.iso, "deadline": s.stored.deadline.iso]
                    if let url = s.answerURL { o["answer_url"] = url }
                    return Self.json(.ok, o, site: site)
                }
                return Self.html(.ok, DeskPages.status(s, site: site, rated: false), site: site)
            case .failure(let e):
                return Self.failure(e, json: json, site: site)
            }
        }
        router.post("/rate") { request, context in
            let site = service.catalog.current
            let json = Self.wantsJSON(request)
            let body: [UInt8]
            switch await Self.body(request, limit: service.settings.bodyLimit, timeout: timeout) {
            case .success(let b): body = b
            case .failure(let e): return Self.failure(e, json: json, site: site)
            }
            switch await service.rate(body: body, origin: request.headers[.origin], host: Self.host(request)) {
            case .success(let code):
                if json { return Self.json(.ok, ["code": code, "rated": "true"], site: site) }
                return Self.redirect("status?code=\(code)", site: site)
            case .failure(let e):
                return Self.failure(e, json: json, site: site)
            }
        }
        router.get("/healthz") { _, _ in
            let site = service.catalog.current
            return site.loaded
                ? Self.text(.ok, "ok\n", site: site)
                : Self.failure(.unavailable, json: false, site: site)
        }
        router.get("/") { _, _ in
            let site = service.catalog.current
            return Self.html(.ok, DeskPages.home(site: site), site: site)
        }
        router.get("/inbox/cases") { request, _ in
            let site = service.catalog.current
            switch await service.inbox(token: Self.bearer(request)) {
            case .success(let cases):
                let data = (try? JSONEncoder.sorted.encode(["cases": cases])) ?? Data("{}".utf8)
                return Self.response(.ok, "application/json; charset=utf-8", Array(data), site: site)
            case .failure(let e):
                return Self.failure(e, json: true, site: site)
            }
        }
        router.post("/inbox/taken") { request, _ in
            let site = service.catalog.current
            let body: [UInt8]
            switch await Self.body(request, limit: 1 << 20, timeout: timeout) {
            case .success(let b): body = b
            case .failure(let e): return Self.failure(e, json: true, site: site)
            }
            guard let numbers = try? JSONDecoder().decode([String: [String]].self, from: Data(body))["numbers"] else {
                return Self.failure(.badField(DeskMessages.badForm), json: true, site: site)
            }
            switch await service.markTaken(token: Self.bearer(request), numbers: numbers) {
            case .success: return Self.json(.ok, ["taken": String(numbers.count)], site: site)
            case .failure(let e): return Self.failure(e, json: true, site: site)
            }
        }
        // Anything else: a 404 with the same headers (CSP included) as every desk page.
        for method in [HTTPRequest.Method.get, .post, .head, .put, .delete] {
            router.on("**", method: method) { request, _ in
                Self.failure(.notFound, json: Self.wantsJSON(request), site: service.catalog.current)
            }
        }
        return router
    }

    static func submit(_ kind: CaseKind, _ request: Request, _ context: Context, _ service: DeskService,
                       _ timeout: Double) async -> Response {
        let site = service.catalog.current
        let json = wantsJSON(request)
        let origin = request.headers[.origin]
        let body: [UInt8]
        switch await Self.body(request, limit: service.settings.bodyLimit, timeout: timeout) {
        case .success(let b): body = b
        case .failure(let e): return failure(e, json: json, site: site, origin: origin, service: service, host: Self.host(request))
        }
        let result = await service.submit(kind, body: body, origin: origin, host: Self.host(request),
                                          client: client(request, context))
        switch result {
        case .success(let receipt):
            if json {
                var r = Self.json(.created, ["code": receipt.code, "deadline": receipt.deadline.iso], site: site)
                allowOrigin(&r, origin, service: service, host: Self.host(request))
                return r
            }
            return redirect("status?code=\(receipt.code)", site: site)
        case .failure(let e):
            return failure(e, json: json, site: site, origin: origin, service: service, host: Self.host(request))
        }
    }

    /// The resident: behind nginx on the same machine the peer is loopback
    /// and nginx names the client in `X-Real-IP`; otherwise the peer itself.
    static func client(_ request: Request, _ context: Context) -> String {
        let peer = context.remoteAddress?.ipAddress ?? "unknown"
        if peer == "127.0.0.1" || peer == "::1", let real = request.headers[HTTPField.Name("X-Real-IP")!], !real.isEmpty {
            return real
        }
        return peer
    }

    /// The Host the browser asked for (HTTP/1's Host header, HTTP/2's :authority).
    static func host(_ request: Request) -> String? {
        request.head.authority ?? request.headers[HTTPField.Name("Host")!]
    }

    static func bearer(_ request: Request) -> String? {
        guard let value = request.headers[.authorization], value.hasPrefix("Bearer ") else { return nil }
        return String(value.dropFirst(7)).trimmingWhitespace()
    }

    static func wantsJSON(_ request: Request) -> Bool {
        request.headers[.accept]?.contains("application/json") == true
    }

    /// The request body, at most `limit` bytes, within `timeout` seconds.
    static func body(_ request: Request, limit: Int, timeout: Double) async -> Result<[UInt8], DeskError> {
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > limit { return .failure(.tooLarge) }
        let body = request.body
        return await withTaskGroup(of: Result<[UInt8], DeskError>.self) { group in
            group.addTask {
                do {
                    let buffer = try await body.collect(upTo: limit)
                    return .success(Array(buffer.readableBytesView))
                } catch {
                    return .failure(.tooLarge)
                }
            }
            group.addTask {
                try? await Task.sleep(nanoseconds: UInt64(timeout * 1_000_000_000))
                return .failure(.timeout)
            }
            let first = await group.next() ?? .failure(.timeout)
            group.cancelAll()
            return first
        }
    }

    // MARK: responses

    static func response(_ status: HTTPResponse.Status, _ type: String, _ bytes: [UInt8], site: SiteCatalog.Snapshot) -> Response {
        var headers: HTTPFields = [
            .contentType: type, .cacheControl: "no-store",
            .contentSecurityPolicy: DeskPages.contentSecurityPolicy(site: site),
        ]
        headers[HTTPField.Name("X-Content-Type-Options")!] = "nosniff"
        // same-origin, not no-referrer: with no-referrer a browser sends `Origin: null` on the rating form
        // (refused as another origin); the status address (it holds the code) still never leaves the desk.
        headers[HTTPField.Name("Referrer-Policy")!] = "same-origin"
        headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    static func html(_ status: HTTPResponse.Status, _ page: String, site: SiteCatalog.Snapshot) -> Response {
        response(status, "text/html; charset=utf-8", Array(page.utf8), site: site)
    }

    static func text(_ status: HTTPResponse.Status, _ text: String, site: SiteCatalog.Snapshot) -> Response {
        response(status, "text/plain; charset=utf-8", Array(text.utf8), site: site)
    }

    static func json(_ status: HTTPResponse.Status, _ object: [String: String], site: SiteCatalog.Snapshot) -> Response {
        let data = (try? JSONEncoder.sorted.encode(object)) ?? Data("{}".utf8)
        return response(status, "application/json; charset=utf-8", Array(data), site: site)
    }

    static func redirect(_ location: String, site: SiteCatalog.Snapshot) -> Response {
        var r = html(.seeOther, DeskPages.page("已收到", "<p><a href=\"\(DeskPages.escape(location))\">查看办理情况</a></p>", site: site),
                     site: site)
        r.headers[.location] = location
        return r
    }

    static func failure(_ e: DeskError, json: Bool, site: SiteCatalog.Snapshot, origin: String? = nil,
                        service: DeskService? = nil, host: String? = nil) -> Response {
        let status = HTTPResponse.Status(code: e.status)
        var r: Response
        if json {
            let object = ["error": ["code": e.code, "message": e.message]]
            let data = (try? JSONEncoder.sorted.encode(object)) ?? Data("{}".utf8)
            r = response(status, "application/json; charset=utf-8", Array(data), site: site)
        } else {
            r = html(status, DeskPages.error(e, site: site), site: site)
        }
        if e.status == 429 { r.headers[.retryAfter] = "3600" }
        if let service { allowOrigin(&r, origin, service: service, host: host) }
        return r
    }

    /// The site's own script (another origin than the desk's) may read the answer.
    static func allowOrigin(_ response: inout Response, _ origin: String?, service: DeskService, host: String?) {
        guard let origin, service.originAllowed(origin, host: host, site: service.catalog.current) else { return }
        response.headers[HTTPField.Name("Access-Control-Allow-Origin")!] = origin
        response.headers[HTTPField.Name("Vary")!] = "Origin"
    }
}

extension JSONEncoder {
    static var sorted: JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return e
    }
}
