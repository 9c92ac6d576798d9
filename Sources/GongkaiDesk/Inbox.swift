import Foundation
import GongkaiCore
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `gongkai inbox`: the clerk's side. Reads the open cases (from the
/// database file on the desk's machine, or from the desk over HTTPS with a
/// token) — every read is logged — writes an answer file for each case that
/// has none yet, and tells the desk those are being handled.
public struct Inbox: Sendable {
    /// Where the cases come from.
    public enum Source: Sendable {
        case database(any DeskStore, reader: String)
        /// The desk's address (ending in `/`) and a token from `gongkai desk token`.
        case remote(url: String, token: String)
    }

    public struct Entry: Sendable {
        public var stored: StoredCase
        public var file: String
        /// Written by this run.
        public var written: Bool
        public var daysLeft: Int
    }

    public let source: Source
    public let siteRoot: String

    public init(source: Source, siteRoot: String) {
        self.source = source
        self.siteRoot = siteRoot
    }

    public struct Failure: Error, Sendable {
        public var message: String
    }

    /// The open cases, oldest first, after writing the new answer files.
    public func run(today: CalendarDate, noticeTitles: [String: String], supervision: [String: String]) async throws -> [Entry] {
        let cases = try await fetch()
        var entries: [Entry] = []
        var written: [String] = []
        for c in cases {
            let relative = AnswerFile.path(c)
            let path = siteRoot + "/" + relative
            var entry = Entry(stored: c, file: relative, written: false, daysLeft: today.days(until: c.deadline))
            if !FileManager.default.fileExists(atPath: path) {
                let folder = (path as NSString).deletingLastPathComponent
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                let text = AnswerFile.text(c, noticeTitle: c.notice.flatMap { noticeTitles[$0] },
                                           supervision: supervision[c.community])
                // A new file only: never overwrite what a clerk has written.
                guard FileManager.default.createFile(atPath: path + ".tmp", contents: Data(text.utf8)),
                      link(path + ".tmp", path) == 0 || FileManager.default.fileExists(atPath: path) else {
                    unlink(path + ".tmp")
                    throw Failure(message: "无法写入 \(relative)。请检查这个文件夹能不能写。")
                }
                unlink(path + ".tmp")
                entry.written = true
                written.append(c.number)
            }
            entries.append(entry)
        }
        if !written.isEmpty { try await markTaken(written) }
        return entries
    }

    func fetch() async throws -> [StoredCase] {
        switch source {
        case .database(let store, let reader):
            return try await store.openCases(reader: reader, now: Int64(Date().timeIntervalSince1970))
        case .remote(let url, let token):
            let data = try await request(url + "inbox/cases", token: token, body: nil)
            struct Answer: Decodable { var cases: [StoredCase] }
            guard let answer = try? JSONDecoder().decode(Answer.self, from: data) else {
                throw Failure(message: "受理台的回答看不懂（\(url)inbox/cases）。请确认地址是受理台的地址，gongkai 的版本一致。")
            }
            return answer.cases
        }
    }

    func markTaken(_ numbers: [String]) async throws {
        switch source {
        case .database(let store, let reader):
            try await store.markTaken(numbers, reader: reader, now: Int64(Date().timeIntervalSince1970))
        case .remote(let url, let token):
            let body = try JSONEncoder().encode(["numbers": numbers])
            _ = try await request(url + "inbox/taken", token: token, body: body)
        }
    }

    func request(_ url: String, token: String, body: Data?) async throws -> Data {
        guard let target = URL(string: url), target.scheme == "https" || target.host == "127.0.0.1" || target.host == "localhost" else {
            throw Failure(message: "受理台的地址要以 https:// 开头（本机测试可以用 http://127.0.0.1）：\(url)")
        }
        var r = URLRequest(url: target, timeoutInterval: 30)
        r.setValue("Bearer " + token, forHTTPHeaderField: "Authorization")
        r.setValue("application/json", forHTTPHeaderField: "Accept")
        if let body {
            r.httpMethod = "POST"
            r.httpBody = body
            r.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        let (data, response): (Data, URLResponse)
        do {
            (data, response) = try await URLSession.shared.data(for: r)
        } catch {
            throw Failure(message: "连不上受理台（\(url)）：\(error.localizedDescription)。请检查网络和地址。")
        }
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        guard status == 200 else {
            struct E: Decodable { struct Inner: Decodable { var message: String }; var error: Inner }
            let message = (try? JSONDecoder().decode(E.self, from: data))?.error.message ?? "HTTP \(status)"
            throw Failure(message: "受理台拒绝了请求：\(message)")
        }
        return data
    }
}
