import ArgumentParser
import Foundation
import GongkaiBuild
import GongkaiContent
import GongkaiCore
import GongkaiDesk

/// `gongkai desk`: the residents' desk (docs/desk.md), with `backup` and `token`.
struct Desk: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "群众异议和建议的受理台：接收网站上提交的异议和建议（docs/desk.md）。",
        subcommands: [DeskRun.self, DeskBackup.self, DeskToken.self, DeskLog.self],
        defaultSubcommand: DeskRun.self)
}

struct DeskDatabase: ParsableArguments {
    @Option(name: .long, help: "数据库文件（SQLite），例如 /srv/gongkai/desk.db；没有时新建。")
    var db: String
}

/// Runs an async body from a synchronous command and waits for it.
func runAsync<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) throws -> T {
    let done = DispatchSemaphore(value: 0)
    let result = Handoff<Result<T, any Error>?>(nil)
    Task.detached {
        do { result.set(.success(try await body())) } catch { result.set(.failure(error)) }
        done.signal()
    }
    done.wait()
    return try result.value!.get()
}

func openStore(_ path: String) throws -> SQLiteDeskStore {
    do {
        return try runAsync { try await SQLiteDeskStore.open(path: path) }
    } catch {
        Console.err("打不开数据库 \(path)（\(error)）。请检查路径和权限。")
        throw ExitCode(1)
    }
}

struct DeskRun: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "run", abstract: "启动受理台（默认只在 127.0.0.1:8090 上，放在 nginx 后面）。")

    @OptionGroup var database: DeskDatabase

    @Option(name: .long, help: "生成好的网站文件夹（读它的 api/notices.json），默认 public。")
    var output = "public"

    @Option(name: .long, help: "监听的地址和端口，默认 127.0.0.1:8090。")
    var listen = "127.0.0.1:8090"

    @Option(name: .long, help: "同一个网络地址每小时最多提交几次，默认 5。")
    var perHour = 5

    @Option(name: .long, help: "同一个网络地址每天最多提交几次，默认 20。")
    var perDay = 20

    @Option(name: .long, help: "同一个电话每天最多提交几次，默认 3。")
    var perPhone = 3

    @Option(name: .long, help: "同一个电话对同一篇公告最多有几件没办结的异议，默认 1。")
    var openPerNotice = 1

    @Flag(name: .long, help: "不限制提交次数（只用于压力测试）。")
    var noLimits = false

    @Option(name: .long, help: "办结后多少天删除电话和姓名，默认 180。")
    var keepContactDays = 180

    @Option(name: .long, parsing: .singleValue, help: "另外允许提交的网站来源（如 https://www.qingshan.gov.cn），可以写多次。")
    var allowOrigin: [String] = []

    @Option(name: .long, help: "接收请求内容最多等几秒，默认 10。")
    var readTimeout: Double = 10

    func validate() throws {
        guard Self.address(listen) != nil else { throw ValidationError("--listen 要写成 主机:端口，例如 127.0.0.1:8090。") }
    }

    static func address(_ text: String) -> (String, Int)? {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]), (0...65535).contains(port)
        else { return nil }
        return (String(text[..<colon]), port)
    }

    func run() throws {
        let (host, port) = Self.address(listen)!
        let store = try openStore(database.db)
        let catalog = SiteCatalog(output: output)
        if !catalog.current.loaded {
            Console.err("提醒：\(output)/api/notices.json 还不存在或读不了；先运行 gongkai build。受理台会在网站生成后自动读取。")
        }
        let settings = DeskService.Settings(
            clientLimits: noLimits ? .off : .init(perHour: perHour, perDay: perDay),
            phoneLimits: noLimits ? .off : .init(perDay: perPhone, openPerNotice: openPerNotice),
            keepContactDays: keepContactDays, allowedOrigins: allowOrigin)
        let service = DeskService(store: store, catalog: catalog, settings: settings)
        let server = DeskServer(service: service, host: host, port: port, readTimeout: readTimeout, log: { Console.out($0) })
        do {
            try runAsync {
                try await server.run(onRunning: { port in
                    Console.out("受理台：http://\(host):\(port)/  数据库 \(database.db)，网站 \(output)（按 Ctrl+C 停止）")
                })
            }
        } catch {
            Console.err("受理台无法启动（\(error)）。端口 \(port) 可能已被占用。")
            throw ExitCode(1)
        }
    }
}

struct DeskBackup: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "backup", abstract: "在受理台运行时做一份完整、一致的数据库备份。")

    @OptionGroup var database: DeskDatabase

    @Option(name: .long, help: "备份文件（不能已经存在），例如 /mnt/backup/desk-20261201.db。")
    var to: String

    func run() throws {
        guard !FileManager.default.fileExists(atPath: to) else {
            Console.err("\(to) 已经存在。请换一个文件名（备份不会覆盖已有的文件）。")
            throw ExitCode(1)
        }
        let store = try openStore(database.db)
        do {
            try runAsync {
                try await store.backup(to: to)
                try await store.close()
            }
        } catch {
            Console.err("备份失败（\(error)）。请检查目标文件夹能不能写、磁盘空间够不够。")
            throw ExitCode(1)
        }
        Console.out("已备份到 \(to)。恢复时：停止受理台，把这个文件复制为 \(database.db)，再启动。")
    }
}

struct DeskToken: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "token", abstract: "给另一台电脑上的 gongkai inbox 发一个令牌。")

    @OptionGroup var database: DeskDatabase

    @Option(name: .long, help: "这个令牌给谁用，例如“镇政府办公室电脑”。")
    var name: String

    func run() throws {
        let store = try openStore(database.db)
        let token = try runAsync {
            let t = try await store.issueToken(name: name, now: Int64(Date().timeIntervalSince1970))
            try await store.close()
            return t
        }
        Console.out(token)
        Console.err("请把这个令牌抄到那台电脑上：gongkai inbox --desk https://…/desk/ --token \(token)。它只显示这一次。")
    }
}

struct DeskLog: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "log", abstract: "列出谁在什么时候读过群众的来信和电话。")

    @OptionGroup var database: DeskDatabase

    @Option(name: .long, help: "最多列出几条，默认 50。")
    var limit = 50

    func run() throws {
        let store = try openStore(database.db)
        let entries = try runAsync {
            let e = try await store.readLog(limit: limit)
            try await store.close()
            return e
        }
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        formatter.timeZone = TimeZone(identifier: "Asia/Shanghai")
        for e in entries {
            Console.out("\(formatter.string(from: Date(timeIntervalSince1970: Double(e.at))))  \(e.who)  \(e.what)")
        }
    }
}

/// `gongkai inbox`: the clerk's side of the desk.
struct InboxCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inbox",
        abstract: "列出还没答复的群众异议和建议（最早的在前，写明还剩几天），并为每件新来的写好答复文件。")

    @Option(name: .long, help: "站点文件夹（含 content/），默认当前文件夹。")
    var site = "."

    @Option(name: .long, help: "受理台的数据库文件（受理台在本机时）。")
    var db: String?

    @Option(name: .long, help: "受理台的地址（在另一台电脑上时），例如 https://gk.qingshan.gov.cn/desk/。")
    var desk: String?

    @Option(name: .long, help: "gongkai desk token 发的令牌（和 --desk 一起用）。")
    var token: String?

    func validate() throws {
        if (db == nil) == (desk == nil) {
            throw ValidationError("请用 --db 数据库文件（受理台在本机），或 --desk 地址 --token 令牌（在另一台电脑上）。")
        }
        if desk != nil && token == nil { throw ValidationError("--desk 需要 --token（在服务器上运行 gongkai desk token 领取）。") }
    }

    func run() throws {
        let source: Inbox.Source
        var store: SQLiteDeskStore?
        if let db {
            let s = try openStore(db)
            store = s
            source = .database(s, reader: "本机 gongkai inbox（\(NSUserName())）")
        } else {
            let url = desk!.hasSuffix("/") ? desk! : desk! + "/"
            source = .remote(url: url, token: token!)
        }
        // Titles of notices and the supervision bodies, for the answer files' comments.
        let sources = SiteLoader(fs: LocalFileSystem(root: site)).load()
        let parsed = ContentParser.parse(sources)
        var titles: [String: String] = [:]
        var supervision: [String: String] = [:]
        var names: [String: String] = [:]
        if let content = parsed.content {
            for n in content.notices { titles[n.id.value] = n.title }
            for c in content.communities {
                supervision[c.slug] = c.supervisionName
                names[c.slug] = c.name
            }
        }
        let timezone = parsed.content?.site.timezone ?? "Asia/Shanghai"
        let today = CalendarDate.today(in: timezone, now: Date())
        let inbox = Inbox(source: source, siteRoot: site)
        let entries: [Inbox.Entry]
        do {
            entries = try runAsync { [titles, supervision] in
                try await inbox.run(today: today, noticeTitles: titles, supervision: supervision)
            }
        } catch let failure as Inbox.Failure {
            Console.err(failure.message)
            throw ExitCode(1)
        }
        if let store { try? runAsync { try await store.close() } }
        if entries.isEmpty {
            Console.out("没有待答复的群众异议和建议。")
            return
        }
        for (community, list) in Dictionary(grouping: entries, by: \.stored.community).sorted(by: { $0.key < $1.key }) {
            Console.out("\(names[community] ?? community)：\(list.count) 件待答复")
            for e in list {
                let c = e.stored
                let left = e.daysLeft < 0 ? "已逾期 \(-e.daysLeft) 天" : e.daysLeft == 0 ? "今天到期" : "还剩 \(e.daysLeft) 天"
                var about = c.kind.label
                if let n = c.notice { about += "（\(titles[n] ?? n)）" }
                Console.out("  第 \(c.number) 号 \(about)  \(c.received.chineseMonthDay)收到，\(left)（\(c.deadline.chinese)前答复）")
                Console.out("    回访电话：\(c.phone ?? "（已删除）")\(c.name.map { "，\($0)" } ?? "")")
                Console.out("    答复文件：\(e.file)\(e.written ? "（新写出）" : "")")
            }
        }
        Console.out("请打开答复文件，填写结果、答复日期和答复内容，然后运行 gongkai build。电话只用于回访，不要写进答复文件。")
    }
}
