import GongkaiCore

/// Every problem this target reports, in the clerk's words (docs/diagnostics.md).
enum Messages {
    static let syntaxFix = "改不好时，删掉站点 templates/ 里的这个文件，gongkai 就会用内置的模板。"

    static func syntax(_ kind: TemplateSyntaxError.Kind, file: String, line: Int, column: Int) -> Diagnostic {
        let (message, fix): (String, String)
        switch kind {
        case .closeWithoutOpen(let name):
            message = "模板里的 {{/\(name)}} 前面没有对应的开始标签（{{#\(name)}}、{{^\(name)}}、{{$\(name)}} 或 {{<\(name)}}）。"
            fix = "请删掉这个结束标签，或在前面补上开始标签。"
        case .closeMismatch(let found, let open, let openLine):
            message = "模板里的 {{/\(found)}} 与第 \(openLine) 行的 \(open) 不配对。"
            fix = "每个开始标签都要用同名的 {{/名称}} 结束，里面的要先结束；请检查名称是否写错、先后是否交叉。"
        case .unclosedSection(let open, let name):
            message = "模板里的 \(open) 到文件末尾都没有结束。"
            fix = "请在该结束的地方补上 {{/\(name)}}。"
        case .unfinishedTag:
            message = "这个标签没有写完整：缺少结尾的 }}，或标签里有多余的符号。"
            fix = "请检查这一处的 {{ 和 }} 是否成对。"
        case .badName(let character):
            message = "标签名里不能有“\(character)”：标签名只能用英文字母、数字和 . - _ ? * 这几个符号。"
            fix = "请检查是否把中文或空格写进了 {{ }}，或少写了 }}。"
        case .unknownTransform(let name):
            message = "模板用了不认识的变换 \(name)(…)。"
            fix = "可用的变换有 lowercased、uppercased、capitalized、reversed、empty、count、first、last、sorted、index、even、odd、plusone、minusone、equalzero（见 docs/templates.md）。"
        case .transformOnBlock:
            message = "块 {{$…}} 的名称不能带变换（括号）。"
            fix = "请只写块的名称，例如 {{$main}}。"
        case .tokenInsideParent:
            message = "{{<父模板}} 与 {{/父模板}} 之间只能写 {{$块}}…{{/块}}（用来替换父模板里的同名块），以及空白和注释。"
            fix = "请把其他内容移到某个 {{$块}} 里面。"
        case .badDelimiters:
            message = "更换分隔符的标签写得不对。"
            fix = "应写成 {{=<% %>=}} 这样：等号之间是新的开始和结束分隔符，中间用空格隔开。"
        case .badPragma:
            message = "{{% … }} 写得不对：只认识 CONTENT_TYPE。"
            fix = "HTML 模板请写 {{% CONTENT_TYPE: GONGKAI_HTML}}。"
        case .unknownContentType(let name):
            message = "不认识的 CONTENT_TYPE：\(name)。"
            fix = "请用 GONGKAI_HTML 或 HTML（转义 HTML 特殊字符），或 TEXT（不转义）。"
        case .unclosedComment:
            message = "注释 {{! … 到文件末尾都没有结束。"
            fix = "请在注释结尾补上 }}。"
        case .tooDeep:
            message = "区块嵌套超过 \(TemplateParser.maxDepth) 层。"
            fix = "请减少 {{#…}}、{{$…}}、{{<…}} 一层套一层的层数。"
        }
        return Diagnostic(file: file, line: line, column: column, code: "GK030", message: "模板语法错误：" + message, fix: fix + syntaxFix)
    }

    static func unknownTemplate(_ name: String, file: String, line: Int, column: Int) -> Diagnostic {
        Diagnostic(file: file, line: line, column: column, code: "GK031",
                   message: "模板引用了不存在的模板 \(name).mustache（{{>\(name)}} 或 {{<\(name)}}）。",
                   fix: "请检查模板名称是否写错，或在 templates/ 里补上 \(name).mustache。")
    }

    static func missingTemplate(_ name: String) -> Diagnostic {
        Diagnostic(file: "templates/\(name).mustache", code: "GK031", message: "缺少模板 \(name).mustache。",
                   fix: "请从默认主题复制一份。")
    }

    static func renderFailed(_ error: TemplateRenderError, template: CompiledTemplate) -> Diagnostic {
        switch error {
        case .tooDeep:
            return Diagnostic(file: template.file, code: "GK031",
                              message: "渲染模板时嵌套超过 \(TemplateRenderer.maxDepth) 层，多半是局部模板互相引用而没有尽头（例如 a 引用 b，b 又引用 a）。",
                              fix: "请检查 {{>…}} 引用，去掉循环。")
        case .unknownPartial(let name):
            return Diagnostic(file: template.file, code: "GK031",
                              message: "模板用 {{>*…}} 引用了不存在的模板 \(name).mustache。",
                              fix: "请检查视图里给出的模板名称，或在 templates/ 里补上 \(name).mustache。")
        }
    }
}
