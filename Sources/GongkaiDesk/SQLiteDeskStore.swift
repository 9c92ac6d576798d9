import Foundation
import GongkaiCore
import SQLiteNIO

/// The desk's cases in one SQLite file (vapor/sqlite-nio, SQLite bundled).
///
/// Durability: WAL with `synchronous=FULL`, so a transaction is on disk
/// (the WAL fsync'ed) before COMMIT returns, and `submit` answers only after
/// its COMMIT. `NORMAL` would survive `kill -9` too (the WAL is in the
/// kernel's page cache) but not a power cut; FULL costs one fsync per
/// commit, which group commit shares: submissions that arrive while one is
/// being committed are stored together in the next transaction.
///
/// Two connections: one writer (only the `Writer` actor uses it, one
/// transaction at a time) and one reader for status pages and backups (WAL
/// lets it read while the writer writes).
public final class SQLiteDeskStore: DeskStore, @unchecked Sendable {
    let writer: SQLiteConnection
    let reader: SQLiteConnection
    let queue: Writer
    public let path: String

    /// The schema, one migration per step; `PRAGMA user_version` says how many ran.
    static let migrations: [[String]] = [
        [
            """
            CREATE TABLE cases (
              id INTEGER PRIMARY KEY,
              year INTEGER NOT NULL,
              seq INTEGER NOT NULL,
              code TEXT NOT NULL UNIQUE,
              kind TEXT NOT NULL,
              community TEXT NOT NULL,
              notice TEXT,
              words TEXT NOT NULL,
              received TEXT NOT NULL,
              received_at INTEGER NOT NULL,
              deadline TEXT NOT NULL,
              taken_at INTEGER,
              closed_at INTEGER,
              answer_url TEXT,
              answered TEXT,
              rating TEXT,
              rated_at INTEGER,
              UNIQUE (year, seq)
            )
            """,
            "CREATE INDEX cases_open ON cases (closed_at, received_at)",
            """
            CREATE TABLE contacts (
              case_id INTEGER PRIMARY KEY REFERENCES cases (id),
              phone TEXT NOT NULL,
              name TEXT,
              delete_after INTEGER
            )
            """,
            "CREATE INDEX contacts_phone ON contacts (phone)",
            "CREATE INDEX contacts_delete ON contacts (delete_after)",
            "CREATE TABLE tokens (id INTEGER PRIMARY KEY, name TEXT NOT NULL, hash TEXT NOT NULL UNIQUE, created_at INTEGER NOT NULL, revoked_at INTEGER)",
            "CREATE TABLE read_log (id INTEGER PRIMARY KEY, at INTEGER NOT NULL, who TEXT NOT NULL, what TEXT NOT NULL)",
        ],
    ]

    init(path: String, writer: SQLiteConnection, reader: SQLiteConnection) {
        self.path = path
        self.writer = writer
        self.reader = reader
        queue = Writer(connection: writer)
    }

    /// Opens (creating and migrating) the database at `path`. The file is
    /// readable by its owner only: it holds residents' phone numbers.
    static func connect(_ path: String) async throws -> SQLiteConnection {
        try await SQLiteConnection.open(storage: .file(path: path))
    }

    public static func open(path: String) async throws -> SQLiteDeskStore {
        let fresh = !FileManager.default.fileExists(atPath: path)
        let writer = try await connect(path)
        if fresh { chmod(path, 0o600) }
        _ = try await writer.query("PRAGMA journal_mode=WAL")
        _ = try await writer.query("PRAGMA synchronous=FULL")
        _ = try await writer.query("PRAGMA foreign_keys=ON")
        _ = try await writer.query("PRAGMA busy_timeout=5000")
        let version = try await writer.query("PRAGMA user_version").first?.column("user_version")?.integer ?? 0
        if version < migrations.count {
            _ = try await writer.query("BEGIN IMMEDIATE")
            do {
                for step in version..<migrations.count {
                    for sql in migrations[step] { _ = try await writer.query(sql) }
                }
                _ = try await writer.query("PRAGMA user_version=\(migrations.count)")
                _ = try await writer.query("COMMIT")
            } catch {
                _ = try? await writer.query("ROLLBACK")
                throw error
            }
        }
        let reader = try await connect(path)
        _ = try await reader.query("PRAGMA busy_timeout=5000")
        _ = try await reader.query("PRAGMA query_only=ON")
        return SQLiteDeskStore(path: path, writer: writer, reader: reader)
    }

    // MARK: submissions (group commit)

    struct Job: Sendable {
        var submission: Submission
        var limits: PhoneLimits
        var now: Int64
        var continuation: CheckedContinuation<Receipt, any Error>
    }

    /// The one path that writes submissions: jobs that arrive while a
    /// transaction commits wait for the next one, and all of them are
    /// answered after it has committed.
    actor Writer {
        let connection: SQLiteConnection
        var pending: [Job] = []
        /// A drain task is running (or about to).
        var draining = false
        /// The connection is in use (a group commit or one statement); others wait in line.
        var busy = false
        var waiting: [CheckedContinuation<Void, Never>] = []
        /// Next sequence number per year (read from the table on first use).
        var next: [Int: Int] = [:]

        init(connection: SQLiteConnection) { self.connection = connection }

        func enqueue(_ submission: Submission, limits: PhoneLimits, now: Int64) async throws -> Receipt {
            try await withCheckedThrowingContinuation { continuation in
                pending.append(Job(submission: submission, limits: limits, now: now, continuation: continuation))
                if !draining {
                    draining = true
                    Task { await self.drain() }
                }
            }
        }

        func acquire() async {
            if !busy {
                busy = true
                return
            }
            await withCheckedContinuation { waiting.append($0) }
        }

        func release() {
            if waiting.isEmpty { busy = false } else { waiting.removeFirst().resume() }
        }

        func drain() async {
            while !pending.isEmpty {
                await acquire()
                let batch = pending
                pending = []
                await commit(batch)
                release()
            }
            draining = false
        }

        func commit(_ batch: [Job]) async {
            var results: [Result<Receipt, any Error>] = []
            let saved = next
            do {
                _ = try await connection.query("BEGIN IMMEDIATE")
                for job in batch { results.append(await insert(job)) }
                _ = try await connection.query("COMMIT")
            } catch {
                _ = try? await connection.query("ROLLBACK")
                next = saved
                for job in batch { job.continuation.resume(throwing: DeskError.unavailable) }
                return
            }
            for (job, result) in zip(batch, results) { job.continuation.resume(with: result) }
        }

        func insert(_ job: Job) async -> Result<Receipt, any Error> {
            let s = job.submission
            do {
                if job.limits != .off {
                    let rows = try await connection.query("""
                        SELECT
                          (SELECT COUNT(*) FROM contacts c JOIN cases k ON k.id = c.case_id
                             WHERE c.phone = ?1 AND k.received_at > ?2) AS today,
                          (SELECT COUNT(*) FROM contacts c JOIN cases k ON k.id = c.case_id
                             WHERE c.phone = ?1 AND k.kind = 'objection' AND k.notice = ?3 AND k.closed_at IS NULL) AS open
                        """, [.text(s.phone), .integer(Int(job.now - 86400)), s.notice.map { .text($0) } ?? .null])
                    let today = rows.first?.column("today")?.integer ?? 0
                    let open = rows.first?.column("open")?.integer ?? 0
                    if today >= job.limits.perDay { return .failure(DeskError.tooMany(DeskMessages.tooManyPhone)) }
                    if s.kind == .objection, open >= job.limits.openPerNotice {
                        return .failure(DeskError("GK329", 429, DeskMessages.openObjection))
                    }
                }
                let year = s.received.year
                if next[year] == nil {
                    let rows = try await connection.query("SELECT COALESCE(MAX(seq), 0) AS m FROM cases WHERE year = ?", [.integer(year)])
                    next[year] = (rows.first?.column("m")?.integer ?? 0) + 1
                }
                let seq = next[year]!
                var lastError: (any Error)?
                for _ in 0..<3 {
                    let code = TrackingCode.make()
                    do {
                        _ = try await connection.query("""
                            INSERT INTO cases (year, seq, code, kind, community, notice, words, received, received_at, deadline)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                            """, [.integer(year), .integer(seq), .text(code), .text(s.kind.rawValue), .text(s.community),
                                  s.notice.map { .text($0) } ?? .null, .text(s.words), .text(s.received.iso),
                                  .integer(Int(job.now)), .text(s.deadline.iso)])
                        _ = try await connection.query("""
                            INSERT INTO contacts (case_id, phone, name) VALUES (last_insert_rowid(), ?, ?)
                            """, [.text(s.phone), s.name.map { .text($0) } ?? .null])
                        next[year] = seq + 1
                        return .success(Receipt(number: CaseNumber(year: year, sequence: seq).description, code: code,
                                                deadline: s.deadline))
                    } catch {
                        // A tracking code that exists already (40 random bits): try another.
                        lastError = error
                    }
                }
                throw lastError ?? DeskError.unavailable
            } catch {
                return .failure(error)
            }
        }
    }

    public func submit(_ submission: Submission, limits: PhoneLimits, now: Int64) async throws -> Receipt {
        try await queue.enqueue(submission, limits: limits, now: now)
    }

    // MARK: reads

    static let columns = """
        k.year, k.seq, k.code, k.kind, k.community, k.notice, k.words, k.received, k.deadline, k.taken_at,
        k.closed_at, k.answer_url, k.answered, k.rating, c.phone, c.name
        """

    static func storedCase(_ row: SQLiteRow) -> StoredCase? {
        guard let year = row.column("year")?.integer, let seq = row.column("seq")?.integer,
              let code = row.column("code")?.string, let kind = row.column("kind")?.string.flatMap(CaseKind.init(rawValue:)),
              let community = row.column("community")?.string, let words = row.column("words")?.string,
              let received = row.column("received")?.string.flatMap(CalendarDate.parse),
              let deadline = row.column("deadline")?.string.flatMap(CalendarDate.parse) else { return nil }
        func int(_ name: String) -> Int64? { row.column(name)?.integer.map { Int64($0) } }
        func text(_ name: String) -> String? { row.column(name)?.string }
        return StoredCase(
            number: CaseNumber(year: year, sequence: seq).description, code: code, kind: kind, community: community,
            notice: text("notice"), words: words, received: received, deadline: deadline, takenAt: int("taken_at"),
            closedAt: int("closed_at"), answerURL: text("answer_url"), answered: text("answered").flatMap(CalendarDate.parse),
            rating: text("rating"), phone: text("phone"), name: text("name"))
    }

    public func find(code: String) async throws -> StoredCase? {
        let rows = try await reader.query("""
            SELECT \(Self.columns) FROM cases k LEFT JOIN contacts c ON c.case_id = k.id WHERE k.code = ?
            """, [.text(code)])
        guard var found = rows.first.flatMap(Self.storedCase) else { return nil }
        // The status page never needs the contact.
        found.phone = nil
        found.name = nil
        return found
    }

    /// Other writes than submissions go through the writer connection too,
    /// one statement each (each is a transaction of its own).
    func write(_ sql: String, _ binds: [SQLiteData] = []) async throws -> [SQLiteRow] {
        try await queue.run(sql, binds)
    }

    public func rate(code: String, rating: String, now: Int64) async throws -> Bool {
        let rows = try await write("UPDATE cases SET rating = ?, rated_at = ? WHERE code = ? AND rating IS NULL RETURNING id",
                                   [.text(rating), .integer(Int(now)), .text(code)])
        return !rows.isEmpty
    }

    public func close(_ answers: [String: SiteCatalog.AnswerInfo], now: Int64, keepContactSeconds: Int64) async throws {
        guard !answers.isEmpty else { return }
        let open = try await reader.query("SELECT year, seq FROM cases WHERE closed_at IS NULL")
        for row in open {
            guard let year = row.column("year")?.integer, let seq = row.column("seq")?.integer else { continue }
            let number = CaseNumber(year: year, sequence: seq).description
            guard let answer = answers[number] else { continue }
            _ = try await write("""
                UPDATE cases SET closed_at = ?, answer_url = ?, answered = ? WHERE year = ? AND seq = ? AND closed_at IS NULL
                """, [.integer(Int(now)), .text(answer.url), .text(answer.answered.iso), .integer(year), .integer(seq)])
            _ = try await write("""
                UPDATE contacts SET delete_after = ? WHERE case_id = (SELECT id FROM cases WHERE year = ? AND seq = ?)
                """, [.integer(Int(now + keepContactSeconds)), .integer(year), .integer(seq)])
        }
    }

    public func openCases(reader who: String, now: Int64) async throws -> [StoredCase] {
        let rows = try await reader.query("""
            SELECT \(Self.columns) FROM cases k LEFT JOIN contacts c ON c.case_id = k.id
            WHERE k.closed_at IS NULL ORDER BY k.received_at, k.id
            """)
        let cases = rows.compactMap(Self.storedCase)
        _ = try await write("INSERT INTO read_log (at, who, what) VALUES (?, ?, ?)",
                            [.integer(Int(now)), .text(who), .text("读取 \(cases.count) 件未办结的群众来信（含电话）：" +
                                                                     cases.map(\.number).joined(separator: "、"))])
        return cases
    }

    public func markTaken(_ numbers: [String], reader who: String, now: Int64) async throws {
        for number in numbers {
            guard let n = CaseNumber(number) else { continue }
            _ = try await write("UPDATE cases SET taken_at = COALESCE(taken_at, ?) WHERE year = ? AND seq = ?",
                                [.integer(Int(now)), .integer(n.year), .integer(n.sequence)])
        }
        if !numbers.isEmpty {
            _ = try await write("INSERT INTO read_log (at, who, what) VALUES (?, ?, ?)",
                                [.integer(Int(now)), .text(who), .text("写出答复文件：" + numbers.joined(separator: "、"))])
        }
    }

    public func purgeContacts(now: Int64) async throws -> Int {
        let rows = try await write("DELETE FROM contacts WHERE delete_after IS NOT NULL AND delete_after <= ? RETURNING case_id",
                                   [.integer(Int(now))])
        return rows.count
    }

    public func issueToken(name: String, now: Int64) async throws -> String {
        var g = SystemRandomNumberGenerator()
        let token = "gk_" + (0..<32).map { _ in String(UInt8.random(in: 0...255, using: &g), radix: 16).leftPadded(2) }.joined()
        _ = try await write("INSERT INTO tokens (name, hash, created_at) VALUES (?, ?, ?)",
                            [.text(name), .text(SHA256.hex(token)), .integer(Int(now))])
        return token
    }

    public func checkToken(_ token: String) async throws -> String? {
        let rows = try await reader.query("SELECT name FROM tokens WHERE hash = ? AND revoked_at IS NULL", [.text(SHA256.hex(token))])
        return rows.first?.column("name")?.string
    }

    public func readLog(limit: Int) async throws -> [(at: Int64, who: String, what: String)] {
        let rows = try await reader.query("SELECT at, who, what FROM read_log ORDER BY id DESC LIMIT ?", [.integer(limit)])
        return rows.compactMap { row in
            guard let at = row.column("at")?.integer, let who = row.column("who")?.string, let what = row.column("what")?.string
            else { return nil }
            return (Int64(at), who, what)
        }
    }

    public func backup(to path: String) async throws {
        // VACUUM INTO writes a consistent snapshot (one read transaction,
        // on a connection of its own) while the writer goes on; it refuses
        // to overwrite a file.
        let connection = try await Self.connect(self.path)
        do {
            _ = try await connection.query("PRAGMA busy_timeout=5000")
            _ = try await connection.query("VACUUM INTO ?", [.text(path)])
        } catch {
            try? await connection.close()
            throw error
        }
        try await connection.close()
        chmod(path, 0o600)
    }

    public func close() async throws {
        try await reader.close()
        try await writer.close()
    }
}

extension SQLiteDeskStore.Writer {
    /// One statement on the writer connection, between group commits.
    func run(_ sql: String, _ binds: [SQLiteData]) async throws -> [SQLiteRow] {
        await acquire()
        defer { release() }
        return try await connection.query(sql, binds)
    }
}

extension String {
    func leftPadded(_ width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
