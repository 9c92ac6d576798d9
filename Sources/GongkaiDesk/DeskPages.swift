import GongkaiCore

/// The desk's own pages: Chinese, small, no script, the site's stylesheet
/// when the built site has one, and a few lines of inline style whose hash
/// the Content-Security-Policy names (nothing else may run or load).
enum DeskPages {
    static let style = "body{max-width:40em;margin:0 auto;padding:1em;font:18px/1.7 system-ui,sans-serif}"
        + ".desk-box{border:2px solid currentColor;border-radius:6px;padding:.5em 1em;margin:1em 0}"
        + ".desk-code{font-size:1.6em;font-weight:bold;letter-spacing:.1em}"
        + "button,input{font:inherit;min-height:44px}label{display:block;font-weight:bold}"
        + ".desk-choice label{display:flex;align-items:center;gap:.6em;font-weight:normal}"
        + ".desk-choice input{width:1.5em;height:1.5em;min-height:0;margin:0}"

    /// `'sha256-…'` of `style`, for the CSP.
    static let styleHash: String = {
        var h = SHA256()
        h.update(Array(style.utf8))
        return "'sha256-" + base64(h.finish()) + "'"
    }()

    static func base64(_ bytes: [UInt8]) -> String {
        let table = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        var out: [UInt8] = []
        var i = 0
        while i < bytes.count {
            let b0 = Int(bytes[i]), b1 = i + 1 < bytes.count ? Int(bytes[i + 1]) : 0, b2 = i + 2 < bytes.count ? Int(bytes[i + 2]) : 0
            out.append(table[b0 >> 2])
            out.append(table[(b0 & 3) << 4 | b1 >> 4])
            out.append(i + 1 < bytes.count ? table[(b1 & 15) << 2 | b2 >> 6] : UInt8(ascii: "="))
            out.append(i + 2 < bytes.count ? table[b2 & 63] : UInt8(ascii: "="))
            i += 3
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The policy sent with every desk response.
    static func contentSecurityPolicy(site: SiteCatalog.Snapshot) -> String {
        let styles = ["'self'", site.origin, styleHash].compactMap { $0 }.joined(separator: " ")
        return "default-src 'none'; style-src \(styles); img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
    }

    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// Plain text as paragraphs, escaped.
    static func paragraphs(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: true).map { "<p>" + escape(String($0)) + "</p>" }.joined()
    }

    static func page(_ title: String, _ body: String, site: SiteCatalog.Snapshot) -> String {
        let css = site.stylesheet.map { "<link rel=\"stylesheet\" href=\"\(escape(site.siteLink($0)))\">" } ?? ""
        return """
            <!doctype html>
            <html lang="zh-CN">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="robots" content="noindex">
            <title>\(escape(title)) - \(escape(site.title))</title>
            \(css)<style>\(style)</style>
            </head>
            <body>
            <header><p><a href="\(escape(site.siteLink("index.html")))">\(escape(site.title))</a></p></header>
            <main>
            <h1>\(escape(title))</h1>
            \(body)
            </main>
            </body>
            </html>

            """
    }

    static func home(site: SiteCatalog.Snapshot) -> String {
        page("查询办理情况", """
            <p>对公示的异议、给村（社区）的建议，提交后都会得到一个查询码。输入查询码，可以看到办理情况和答复。</p>
            <form method="get" action="status">
            <p><label for="code">查询码</label><input id="code" name="code" autocomplete="off" maxlength="12" required></p>
            <p><button type="submit">查询</button></p>
            </form>
            """, site: site)
    }

    static func error(_ e: DeskError, site: SiteCatalog.Snapshot) -> String {
        page(e.status == 429 ? "提交太频繁" : "没有办成", """
            <div class="desk-box" role="alert"><p>\(escape(e.message))</p></div>
            <p>请返回上一页修改后再提交。</p>
            <p><a href="\(escape(site.siteLink("index.html")))">回到\(escape(site.title))</a></p>
            """, site: site)
    }

    static func status(_ s: DeskService.Status, site: SiteCatalog.Snapshot, rated: Bool) -> String {
        let c = s.stored
        var body = "<div class=\"desk-box\"><p>查询码</p><p class=\"desk-code\">\(escape(c.code))</p>"
        body += "<p>请记下这个查询码，凭它查看办理情况和答复。</p></div>"
        body += "<dl>"
        body += "<dt>事项</dt><dd>\(c.kind == .objection ? "对公示的异议" : "建议")（第 \(escape(c.number)) 号）"
        if let title = s.noticeTitle, let url = s.noticeURL {
            body += "：<a href=\"\(escape(url))\">\(escape(title))</a>"
        } else if let name = s.communityName {
            body += "：给\(escape(name))"
        }
        body += "</dd>"
        body += "<dt>收到日期</dt><dd>\(c.received.chinese)</dd>"
        body += "<dt>答复期限</dt><dd>\(c.deadline.chinese)前</dd>"
        body += "<dt>办理情况</dt><dd data-state=\"\(s.state.rawValue)\"><strong>\(DeskMessages.stateLabel(s.state))</strong></dd>"
        body += "</dl>"
        switch s.state {
        case .answered:
            if let url = s.answerURL {
                body += "<p>答复日期：\(s.answered?.chinese ?? "")。结果：\(escape(s.outcome ?? ""))。</p>"
                body += "<p><a href=\"\(escape(url))\" data-answer>查看答复全文</a></p>"
            }
            if rated || c.rating != nil {
                body += "<p data-rated>您的评价：\(escape(c.rating ?? ""))。谢谢！</p>"
            } else if s.canRate, let until = s.rateUntil {
                body += "<form method=\"post\" action=\"rate\"><fieldset class=\"desk-choice\"><legend>对这个答复满意吗？（\(until.chinese)前可以评价一次）</legend>"
                body += "<input type=\"hidden\" name=\"code\" value=\"\(escape(c.code))\">"
                for (i, r) in DeskService.ratings.enumerated() {
                    body += "<p><label><input type=\"radio\" name=\"rating\" value=\"\(r)\"\(i == 0 ? " required" : "")> \(r)</label></p>"
                }
                body += "<p><button type=\"submit\">提交评价</button></p></fieldset></form>"
            }
        case .overdue:
            body += "<div class=\"desk-box\" role=\"note\"><p>\(escape(DeskMessages.overdueAdvice(town: site.town)))</p></div>"
        case .handling:
            body += "<p>村（居）委会已经在办理，答复公开后这里会显示链接。</p>"
        case .received:
            body += "<p>已经收到，会在答复期限前答复。答复公开后这里会显示链接。</p>"
        }
        body += "<h2>您提交的内容</h2><blockquote>\(paragraphs(c.words))</blockquote>"
        body += "<p class=\"muted\">公开答复时只公开这段内容（身份证号、手机号等已隐去），不公开姓名和电话。</p>"
        return page("办理情况", body, site: site)
    }
}
