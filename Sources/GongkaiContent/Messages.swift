import GongkaiCore

/// Every sentence a clerk reads from the content checks, in one place so the
/// wording is reviewed together. Each message says what is wrong (ending in
/// 。); each fix says what to do.
enum Messages {
    // GK001 YAML syntax
    static func yamlProblem(_ problem: String) -> String {
        let chinese: String
        switch problem {
        case let p where p.contains("mapping values are not allowed"):
            chinese = "这里不能再出现冒号（值里有英文冒号时要给整个值加引号）"
        case let p where p.contains("could not find expected ':'"):
            chinese = "缺少英文冒号“:”"
        case let p where p.contains("found character that cannot start any token"):
            chinese = "有不能放在这里的字符（常见原因：用了 Tab 缩进，或值以 @、` 开头）"
        case let p where p.contains("did not find expected key"):
            chinese = "缩进不对，或上一行没有结束"
        case let p where p.contains("found unexpected end of stream"), let p where p.contains("found unknown escape"):
            chinese = "引号没有配对"
        case let p where p.contains("block sequence entries are not allowed"):
            chinese = "列表项（- 开头的行）的缩进不对"
        default:
            chinese = "格式有误"
        }
        return "YAML \(chinese)（\(problem)）。"
    }
    static func yamlGeneric(_ detail: String) -> String { "YAML 无法读取（\(detail)）。" }
    static let yamlFix = "请按“键: 值”的格式写，冒号用英文冒号并在后面加一个空格，缩进只用空格；值里有冒号或 # 时用英文引号括起来。"
    static func chineseColon(_ key: String) -> String { "“\(key)”后面用了中文冒号“：”，这一行不会被当作“键: 值”读取。" }
    static let chineseColonFix = "请把中文冒号“：”改成英文冒号加一个空格“: ”。"

    // GK002 front matter fences
    static let noFrontMatter = "公告开头缺少前置信息（第一行应是三个短横线 ---）。"
    static let noFrontMatterFix = "请在文件最前面加上：第一行 ---，然后写 标题、日期、类别 等，再用一行 --- 结束，正文写在后面。"
    static let unclosedFrontMatter = "前置信息没有结束：找不到结束用的一行 ---。"
    static let unclosedFrontMatterFix = "请在 标题、日期、类别 等几行之后单独加一行 ---，正文写在它后面。"
    static let frontMatterNotMapping = "前置信息应是一组“键: 值”。"

    // GK003 encoding / reading
    /// What a notice file is called in GK003.
    static let noticeFile = "公告文件"
    static func notUTF8(_ what: String) -> String { "\(what)不是 UTF-8 编码（可能是 GBK/ANSI 保存的）。" }
    static let notUTF8Fix = "请用记事本或 WPS 打开，选择“另存为”，编码选 UTF-8 后保存。"
    static func unreadable(_ reason: String) -> String { "无法读取这个文件（\(reason)）。" }
    static let unreadableFix = "请检查文件是否存在、是否有读取权限。"
    static let symlink = "这是一个符号链接，gongkai 不跟随符号链接（以免发布站点以外的文件）。"
    static let symlinkFix = "请把真实的文件放到这里，替换掉符号链接。"

    // GK010–GK012 site.yml
    static let noContent = "找不到 content 文件夹。"
    static let noContentFix = "请在站点文件夹里建立 content/，并放入 site.yml 和各村（社区）的文件夹；或用 --site 指定站点文件夹。"
    static let noSiteYml = "找不到站点配置文件 content/site.yml。"
    static let noSiteYmlFix = "请新建 content/site.yml，至少写上 title（站点名称）和 categories（公开目录）。"
    static func siteKeyMissing(_ key: String) -> String { "site.yml 缺少必填项 \(key)。" }
    static func siteKeyFix(_ key: String) -> String {
        key == "categories"
            ? "请加上公开目录，例如：categories: 下面写 - slug: caiwu 和 name: 财务公开。"
            : "请加上一行 \(key): 值。"
    }
    static func siteBadValue(_ key: String, _ expected: String) -> String { "site.yml 的 \(key) 值不对，应为\(expected)。" }
    static func badCategorySlug(_ slug: String) -> String { "类别代码“\(slug)”不合规：只能用小写英文字母开头，后跟小写字母、数字或“-”，且不能是保留字。" }
    static let badCategorySlugFix = "请改成像 caiwu、dibao-jiuzhu 这样的代码（page、category、search、assets、api、feed 是保留字）。"
    static func duplicateCategory(_ what: String) -> String { "公开目录里“\(what)”出现了两次。" }
    static let duplicateCategoryFix = "每个类别的 slug 和 name 都只能出现一次，请删除或改名其中一个。"
    static func badTimezone(_ tz: String) -> String { "时区“\(tz)”无法识别。" }
    static let badTimezoneFix = "请写成 Asia/Shanghai 这样的时区名称，或删掉这一行（默认 Asia/Shanghai）。"
    static func unknownSiteKey(_ key: String, _ suggestion: String?) -> String {
        "site.yml 里有不认识的项“\(key)”，将被忽略" + (suggestion.map { "（是不是想写 \($0)？）" } ?? "") + "。"
    }

    // GK015–GK019 catalogue rules
    static func unknownPreset(_ name: String, _ suggestion: String?) -> String {
        "公开规则预设“\(name)”不存在" + (suggestion.map { "（是不是 \($0)？）" } ?? "") + "。"
    }
    static func unknownPresetFix(_ names: String) -> String { "可用的预设：\(names)，说明见 docs/catalogue.md；例如 rules: province-5。" }
    static func badRule(_ key: String, _ value: String, _ expected: String) -> String { "公开规则 \(key) 写的是“\(value)”，应为\(expected)。" }
    static func badRuleFix(_ key: String) -> String {
        switch key {
        case "cadence": return "例如 cadence: monthly（每月）；可写 monthly、quarterly、half-yearly、yearly、on-event。"
        case "applies_to": return "例如 applies_to: 社区（只有社区要公开）；村和社区都要公开时删掉这一行。"
        case "period_required", "review_required", "number_required", "process_required": return "例如 \(key): true。"
        default: return "例如 \(key): 5。"
        }
    }
    static func unknownCategoryType(_ value: String, _ suggestion: String?) -> String {
        "类别的 type“\(value)”不认识" + (suggestion.map { "（是不是 \($0)？）" } ?? "") + "。"
    }
    static let unknownCategoryTypeFix = "type 可写 " + CategoryType.allCases.map { "\($0.rawValue)（\($0.label)）" }.joined(separator: "、") + "。"
    static func typeNotInferred(_ name: String) -> String { "类别“\(name)”没有写 type，gongkai 认不出它是哪类事项，按一般村（居）务（general）的规则检查。" }
    static func typeNotInferredFix(_ slug: String) -> String { "请在类别 \(slug) 下加一行 type:，例如 type: finance（财务）或 type: notice（通知公告），见 docs/catalogue.md。" }
    static let badSupervision = "supervision（村务监督委员会）的写法不对。"
    static let badSupervisionFix = "例如：supervision: {name: 马庄村村务监督委员会, contact: 主任 王秀兰, phone: 0531-8765 4300, address: 村委会大院西屋}。"
    static func communityRuleUnknownCategory(_ slug: String) -> String { "community.yml 的 rules 里，“\(slug)”不是公开目录里的类别。" }
    static func communityRuleUnknownCategoryFix(_ slugs: String) -> String { "rules 下面按类别代码写，例如 caiwu: {cadence: half-yearly}；可用的类别：\(slugs)。" }
    static let communityRuleShapeFix = "rules 下面按类别代码写，例如 caiwu: {cadence: half-yearly}。"
    static func communityRuleUnknownKey(_ key: String, _ suggestion: String?) -> String {
        "community.yml 的 rules 里有不认识的规则“\(key)”" + (suggestion.map { "（是不是想写 \($0)？）" } ?? "") + "。"
    }
    static let communityRuleUnknownKeyFix = "可写的规则：" + RulesParser.keys.joined(separator: "、") + "，见 docs/catalogue.md。"

    // GK020–GK022 communities
    static func noCommunityYml(_ slug: String) -> String { "文件夹 content/\(slug)/ 没有 community.yml，不知道它是哪个村（社区）。" }
    static let noCommunityYmlFix = "请在这个文件夹里新建 community.yml，写上 name: 村名 和 kind: 村（或 社区）；如果这个文件夹不是村（社区），请把它移出 content/。"
    static func communityKeyMissing(_ key: String) -> String { "community.yml 缺少必填项 \(key)。" }
    static func communityKeyFix(_ key: String) -> String {
        key == "kind" ? "请加上一行 kind: 村 或 kind: 社区。" : "请加上一行 name: 村（社区）的名称，例如 name: 马庄村。"
    }
    static func badKind(_ kind: String) -> String { "kind 写的是“\(kind)”，只能是“村”或“社区”。" }
    static let badKindFix = "请改为 kind: 村 或 kind: 社区。"
    static func badCommunitySlug(_ slug: String) -> String { "文件夹名“\(slug)”不能用作网址：村（社区）文件夹名只能用小写英文字母、数字和“-”。" }
    static func reservedCommunitySlug(_ slug: String) -> String { "文件夹名“\(slug)”是网站自己要用的名字（category、search、assets、api、overview、page、feed），不能用作村（社区）文件夹。" }
    static let reservedCommunitySlugFix = "请给这个村（社区）文件夹换一个名字，例如用村名的拼音。"
    static let badCommunitySlugFix = "请把文件夹改成拼音，例如 马庄村 → mazhuang。"
    static func unknownCommunityKey(_ key: String, _ suggestion: String?) -> String {
        "community.yml 里有不认识的项“\(key)”，将被忽略" + (suggestion.map { "（是不是想写 \($0)？）" } ?? "") + "。"
    }

    // GK101–GK113 notices
    static func missingKey(_ key: FrontMatterKey) -> String { "缺少必填项 \(key.both)。" }
    static func missingKeyFix(_ key: FrontMatterKey) -> String {
        switch key {
        case .title: return "请在前置信息里加一行：标题: 公告的标题。"
        case .date: return "请在前置信息里加一行：日期: 2024-10-08（发布日期）。"
        case .category: return "请在前置信息里加一行：类别: 财务公开（写公开目录里的类别名称或代码）。"
        default: return "请加上 \(key.alias)。"
        }
    }
    static func unknownCategory(_ value: String) -> String { "类别“\(value)”不在 site.yml 的公开目录里。" }
    static func unknownCategoryFix(_ suggestion: String?, _ available: String) -> String {
        (suggestion.map { "是不是“\($0)”？" } ?? "") + "可用的类别：\(available)。"
    }
    static func invalidDate(_ key: String, _ value: String) -> String { "\(key)“\(value)”不是有效的日期。" }
    static func invalidDateFix(_ value: String) -> String {
        "请写成 年-月-日，例如 2024-10-08（也可写 2024年10月8日）；注意这个月有没有这一天。"
    }
    static func periodTooShort(_ minimum: Int, _ period: DisplayPeriodText) -> String {
        "公示期不足 \(minimum) 天（\(period.from)至\(period.to)，只有 \(period.days) 天）。"
    }
    static func periodTooShortFix(_ earliest: String) -> String { "请把结束日期改为 \(earliest) 或之后（开始当天不计入）。" }
    static func periodReversed(_ period: DisplayPeriodText) -> String { "公示期的结束日期（\(period.to)）早于开始日期（\(period.from)）。" }
    static func periodReversedFix(_ earliest: String) -> String { "请检查 公示期 的 from（起）和 to（止）是否写反了；从这个开始日期算，结束日期最早是 \(earliest)。" }
    static func periodBeforeNotice(_ from: String, _ date: String) -> String { "公示期从 \(from) 开始，早于公告的发布日期 \(date)。" }
    static func periodBeforeNoticeFix(_ from: String, _ earliest: String) -> String {
        "公示期应从发布当天或之后开始：请把 from（起）改为 \(from) 或之后，to（止）相应改为 \(earliest) 或之后；或者改正 日期。"
    }
    static let periodShape = "公示期应写成 {from: 开始日期, to: 结束日期}。"
    static let periodShapeFix = "例如：公示期: {from: 2024-10-08, to: 2024-10-13}；也可以写 起、止。"
    // GK140–GK150 catalogue rules on notices
    static func periodMissing(_ category: String) -> String { "“\(category)”类公告要有公示期，这篇没有写。" }
    static func periodMissingFix(_ from: String, _ to: String) -> String { "请加一行 公示期: {起: \(from), 止: \(to)}（按公开目录的要求，结束日期最早是 \(to)）。" }
    static func reviewMissing(_ category: String, _ who: String) -> String { "“\(category)”类公告发布前要经\(who)审核，这篇没有写 审核。" }
    static func reviewMissingFix(_ who: String, _ day: String) -> String { "请先交\(who)审核，再加一行 审核: {by: \(who), date: \(day)}（写实际审核的日期）。" }
    static func numberMissing(_ category: String) -> String { "“\(category)”类公告按公开目录要有文号，这篇没有写。" }
    static func numberMissingFix(_ community: String, _ year: Int) -> String { "请加一行 文号:，例如 文号: \(community)〔\(year)〕12号（按本村（社区）的发文登记顺序编号）。" }
    static func processMissing(_ category: String) -> String { "“\(category)”类公告要附四议两公开程序记录（process / 四议两公开），这篇没有写。" }
    static func processIncomplete(_ missing: String) -> String { "四议两公开程序记录缺少：\(missing)。" }
    static let processFix = "请在前置信息里加上 四议两公开: 列表，按顺序每行一项，例如 - {环节: 党组织提议, 日期: 2026-02-10, 结果: 支委会 5 人一致同意}，写法见 docs/content-format.md。"
    static func processBadStage(_ value: String) -> String { "四议两公开的环节“\(value)”不认识。" }
    static let processBadStageFix = "环节只能是：" + ProcessStage.allCases.map(\.name).joined(separator: "、") + "。"
    static let processBadShape = "四议两公开程序记录应是一个列表，每项写 环节、日期 和 结果。"
    static func processOutOfOrder(_ stage: String, _ previous: String) -> String { "四议两公开的“\(stage)”写在了“\(previous)”之后，顺序不对（或日期更早）。" }
    static let processOutOfOrderFix = "顺序应是：" + ProcessStage.allCases.map(\.name).joined(separator: " → ") + "；每个环节的日期不能早于上一个环节。"
    static func processAfterNotice(_ stage: String, _ date: String, _ notice: String) -> String { "四议两公开的“\(stage)”日期 \(date) 晚于公告的发布日期 \(notice)。" }
    static let processAfterNoticeFix = "程序记录只能写发布时已经完成的环节：请改正日期；还没进行的环节（例如实施结果公开）等完成后另发公告记录。"
    static func reviewAfterNotice(_ review: String, _ notice: String) -> String { "审核日期 \(review) 晚于公告的发布日期 \(notice)。" }
    static let reviewAfterNoticeFix = "公告应先审核、后发布：请改正审核日期或发布日期。"
    static func badCovers(_ value: String) -> String { "所属期“\(value)”看不懂。" }
    static let badCoversFix = "请写成 2026-05（月）、2026-Q2 或 2026年第二季度（季度）、2026年上半年、2026（年）。"

    static func overdue(_ community: String, _ category: String, _ count: Int, _ today: String, _ periods: String) -> String {
        "\(community)的“\(category)”有 \(count) 期到 \(today) 还没有公开：\(periods)。"
    }
    static func overdueFix(_ example: MonthSpan) -> String {
        "请尽快补发，并在补发公告的前置信息里写明是哪一期，例如 所属期: \(example.count == 1 ? "\(example.year)-\(example.month < 10 ? "0" : "")\(example.month)" : example.label)；这样公开情况一览会把它算作这一期（记为逾期公开）。"
    }

    static func bothSpellings(_ key: FrontMatterKey) -> String { "\(key.rawValue) 和 \(key.alias) 是同一项，这里两种写法都写了。" }
    static func bothSpellingsFix(_ key: FrontMatterKey) -> String { "请只保留一种写法（\(key.rawValue) 或 \(key.alias)），删掉另一行。" }
    static func duplicateKey(_ keys: String) -> String { "“\(keys)”写了不止一次。" }
    static let duplicateKeyFix = "同一项只能写一次，请删掉多余的一行。"
    static func duplicateID(_ id: String, _ other: String) -> String { "公告编号 \(id) 与 \(other) 重复（网址只能对应一篇公告，大小写不同也算重复）。" }
    static let duplicateIDFix = "请给其中一个文件改名。注意：已发布公告的文件名就是它的网址，不要改已发布的那一篇。"
    static func communityMismatch(_ value: String, _ folder: String) -> String { "村居“\(value)”与公告所在的文件夹 \(folder) 不一致。" }
    static func communityMismatchFix(_ folder: String) -> String { "公告属于它所在的文件夹：请改为 村居: \(folder)，或删掉这一行，或把文件移到正确的村（社区）文件夹。" }
    static func wrongType(_ key: FrontMatterKey, _ expected: String) -> String { "\(key.both)的写法不对，应为\(expected)。" }
    static func unknownKey(_ key: String, _ suggestion: String?) -> String {
        "不认识的项“\(key)”，将被忽略" + (suggestion.map { "（是不是想写“\($0)”？）" } ?? "") + "。"
    }
    static func unknownKeyFix(_ suggestion: String?) -> String {
        suggestion.map { "请改为“\($0)”。" } ?? "可用的项见 docs/content-format.md。"
    }
    static let emptyValue = "这一项是空的。"
    static let emptyValueFix = "请填写内容，或删掉这一行。"
    static func notInYearFolder(_ path: String) -> String { "公告 \(path) 没有放在年份文件夹里。" }
    static func notInYearFolderFix(_ community: String) -> String { "请把它移到 content/\(community)/年份/ 下，例如 content/\(community)/2024/。" }
    static func yearMismatch(_ folder: String, _ year: Int) -> String { "公告放在 \(folder) 年的文件夹里，但日期是 \(year) 年。" }
    static let yearMismatchFix = "请检查日期是否写错；如果日期没错，请把文件移到对应年份的文件夹（未发布过的公告才可以移动）。"
    static func unknownSupersedes(_ id: String) -> String { "更正的公告 \(id) 不存在。" }
    static func unknownSupersedesFix(_ suggestion: String?) -> String {
        (suggestion.map { "是不是 \($0)？" } ?? "") + "请写被更正公告的编号：村（社区）文件夹/年份/文件名（不带 .md），例如 mazhuang/2024/caiwu-09。"
    }
    static let supersedesSelf = "公告不能更正它自己。"
    static func supersedesDraft(_ id: String) -> String { "被更正的公告 \(id) 还是草稿，没有发布过，更正公告里不会出现指向它的链接。" }
    static let supersedesDraftFix = "如果原公告还没发布，直接修改它即可，不需要更正公告；如果已经发布，请去掉原公告里的 草稿: true。"
    static func missingAttachment(_ file: String) -> String { "附件“\(file)”在公告旁边找不到。" }
    static let missingAttachmentFix = "请把附件文件放在公告所在的文件夹里，文件名（含扩展名）要和这里写的完全一致。"
    static func attachmentOutside(_ file: String) -> String { "附件“\(file)”不在公告所在的文件夹里（不能用 ../、绝对路径或符号链接）。" }
    static let attachmentOutsideFix = "请把附件复制到公告旁边，这里只写文件名。"
    static func megabytes(_ n: Int) -> String {
        let tenths = (n * 10 + 512 * 1024) / (1024 * 1024)
        return "\(tenths / 10).\(tenths % 10) MB"
    }
    static func attachmentType(_ file: String, _ ext: String) -> String {
        ext.isEmpty ? "附件“\(file)”没有扩展名，看不出是什么类型的文件，不能发布。"
            : "附件“\(file)”的类型（.\(ext)）不能发布。"
    }
    static let attachmentTypeFix = "可以发布的类型：PDF（.pdf）、OFD（.ofd）、图片（.png .jpg .jpeg .gif .webp）、文档（.doc .docx .wps）、表格（.xls .xlsx .et .csv）、演示文稿（.ppt .pptx .dps）、文本（.txt）。压缩包请解压后把文件分别列出；网页（.html）和 .svg 图片可能带脚本，请另存为 PDF 或 PNG。"
    static func attachmentTooLarge(_ file: String, _ size: Int) -> String {
        "附件“\(file)”有 \(megabytes(size))，超过 20 MB，在手机上很难下载。"
    }
    static let attachmentTooLargeFix = "请压缩后再发布（扫描件用 150–200 dpi、灰度或黑白即可），或者拆成几个文件分别列出。"
    static func inlineNotImage(_ file: String) -> String { "附件“\(file)”不是图片，inline 不起作用，它只会列在附件里。" }
    static let inlineNotImageFix = "只有 .png .jpg .jpeg .gif .webp 图片能直接显示在页面里；请删掉这一项的 inline。"
    static func inlineImageLarge(_ file: String, _ size: Int) -> String {
        "图片“\(file)”有 \(megabytes(size))，直接显示在页面里，用手机流量打开会很慢。"
    }
    static let inlineImageLargeFix = "请把图片缩小到 2 MB 以内（宽 1600 像素就很清楚），或者写 inline: false 只列在附件里、让人点开看。"
    static func strayFile(_ path: String) -> String { "\(path) 不是公告（公告是年份文件夹里的 .md 文件），不会发布。" }
    static let strayFileFix = "如果它是公告，请把扩展名改成 .md 并放进年份文件夹；如果是附件，请在对应公告的 附件 里列出。"
    /// A Word document in a community's folder is most likely a notice to import.
    static func strayWordFix(_ path: String, community: String) -> String {
        "如果这是要发的 Word 公告，请运行 gongkai import \(path) --community \(community)（或在 gongkai serve 运行时放进这个文件夹，会自动导入）；如果是附件，请放进年份文件夹，在对应公告的 附件 里列出。"
    }

    // MARK: Privacy guard (GK170–GK174)

    static func privacyFinding(_ kind: PrivacyFinding.Kind) -> String {
        switch kind {
        case .residentID18: return "这里有一个 18 位居民身份证号码（校验位正确），公开发布会泄露个人信息，不能发布。"
        case .residentID15: return "这里有一个 15 位（一代）居民身份证号码（出生日期有效），公开发布会泄露个人信息，不能发布。"
        case .bankCard: return "这里有一个银行卡号（16–19 位，校验正确），公开发布会泄露个人信息，不能发布。"
        case .mobile: return "这里有一个手机号码，公开发布会泄露个人信息，不能发布。"
        }
    }
    static func privacyFindingFix(_ kind: PrivacyFinding.Kind, _ masked: String) -> String {
        switch kind {
        case .residentID18, .residentID15:
            return "请改成遮挡后的写法“\(masked)”，或者整个删掉（个人信息保护法）。"
        case .bankCard:
            return "请改成遮挡后的写法“\(masked)”；如果这是村集体等单位对外公布的账号，请把它写进 community.yml 的 public_contacts。"
        case .mobile:
            return "请改成遮挡后的写法“\(masked)”；如果这是村（社区）干部或办事窗口对外公布的电话，请把它写进 community.yml 的 public_contacts。"
        }
    }
    // GK170–GK173 inside attachments, GK175/GK176 what the guard could not read
    static let pdfDamaged = "不是完整的 PDF 文件（可能没有复制完整，或者已经损坏）"
    static func pdfPage(_ n: Int) -> String { "第 \(n) 页" }
    static func sheetCell(_ sheet: String, _ cell: String) -> String { "工作表“\(sheet)”\(cell)" }
    /// Where a hidden number is, as the subject of the finding's sentence.
    static func hiddenPlace(_ hidden: AttachmentScan.Hidden) -> String {
        switch hidden {
        case .row: return "隐藏的行里"
        case .column: return "隐藏的列里"
        case .sheet: return "隐藏的工作表里"
        case .veryHiddenSheet: return "深度隐藏的工作表里（Excel 的“取消隐藏”菜单里也看不到）"
        case .text: return "设成“隐藏”格式的文字里"
        case .comment: return "批注里"
        case .deletedText: return "修订时删除的文字里（文件里还留着）"
        case .properties: return "文档属性里（文件 → 属性）"
        }
    }
    /// The finding's sentence for a number in an attachment.
    static func privacyInAttachment(_ kind: PrivacyFinding.Kind, place: String, hidden: AttachmentScan.Hidden?) -> String {
        var sentence = privacyFinding(kind)
        if let hidden {
            sentence = hiddenPlace(hidden) + String(sentence.dropFirst(2))
            let note = hidden == .comment || hidden == .properties ? "它不在正文里，容易漏看" : "打开文件时看不到它"
            sentence = String(sentence.dropLast()) + "。\(note)，但下载附件的人都能看到。"
        }
        return place.isEmpty ? sentence : place + "：" + sentence
    }
    static func privacyHiddenFix(_ hidden: AttachmentScan.Hidden, _ masked: String) -> String {
        let remove: String
        switch hidden {
        case .row: remove = "请在 Excel 里取消隐藏，删除这一行或改成遮挡后的写法“\(masked)”（只隐藏不算删除）"
        case .column: remove = "请在 Excel 里取消隐藏，删除这一列或改成遮挡后的写法“\(masked)”（只隐藏不算删除）"
        case .sheet, .veryHiddenSheet: remove = "请删除这张工作表，或把其中的号码改成遮挡后的写法“\(masked)”，再另存一份作附件（只隐藏不算删除）"
        case .text: remove = "请在 Word 里显示隐藏文字（开始 → 显示/隐藏编辑标记），删除这段文字或改成“\(masked)”"
        case .comment: remove = "请删除这条批注，或把其中的号码改成“\(masked)”"
        case .deletedText: remove = "请在 Word 里“接受所有修订”后保存，再作附件"
        case .properties: remove = "请在“文件 → 信息 → 属性”里删掉这个号码（或用“检查文档”删除文档属性）"
        }
        return remove + "，然后重新生成。"
    }
    static func attachmentUnreadable(_ name: String, _ reason: String) -> String {
        "附件“\(name)”打不开：\(reason)。居民下载后多半也打不开；隐私检查没能查看其中的内容。"
    }
    static let attachmentUnreadableFix = "请用原来的软件（Word、WPS、Excel）打开原文件，重新另存或导出为 PDF，再换上这个附件。"
    static func attachmentUnchecked(_ name: String, _ why: String) -> String {
        "隐私检查看不到附件“\(name)”里的内容：\(why)。"
    }
    static let uncheckedEncrypted = "它设置了打开密码"
    static let uncheckedNoText = "这份 PDF 没有文字层（多半是扫描件或图片）"
    static func uncheckedPartly(_ read: Int, _ pages: Int) -> String {
        pages == 0 ? "文件太大（超过 100 MB），没有读" : "它有 \(pages) 页，只检查了前 \(read) 页（页数太多或读得太慢）"
    }
    static func uncheckedFormat(_ ext: String) -> String { ".\(ext) 格式的文件隐私检查读不了" }
    static let attachmentUncheckedFix = "请自己核对一遍，确认里面没有身份证号、银行卡号、手机号等个人信息（可以改成遮挡后的写法）；能另存为 .docx、.xlsx 或带文字的 PDF 的，换成那样的附件就能自动检查。"
    static let attachmentUncheckedEncryptedFix = "公开的附件不应设密码：请去掉密码后另存一份，再换上这个附件（这样居民能打开，隐私检查也能查看）。"

    static let privacyInRenderedText = "（在正文排版后的文字里找到，原文可能被加粗、转义等分开了，请在正文里查找）"
    static let privacyInFileName = "（在文件名里，文件名就是网址的一部分）"
    static func publicContactNotNumber(_ text: String) -> String { "public_contacts 里的“\(text)”不是号码（没有数字），不起作用。" }
    static let publicContactNotNumberFix = "每项写一个号码，例如 - 0531-8765 4321，或 - {name: 村委会值班电话, number: 138 0013 8000}。"

    // GK180–GK186 tables from CSV/xlsx files (```table blocks)
    static func tableFileMissing(_ file: String) -> String { "表格文件“\(file)”不在公告旁边。" }
    static func tableFileMissingFix(_ suggestion: String?, _ present: [String]) -> String {
        if let suggestion { return "是不是“\(suggestion)”？请改成这个文件名，或把文件放到公告所在的文件夹里。" }
        if present.isEmpty { return "请把 .csv 或 .xlsx 文件放到公告所在的文件夹里，这里只写文件名。" }
        return "请把文件放到公告所在的文件夹里；那里现有的表格文件：\(present.joined(separator: "、"))。"
    }
    static let tableBlockNoFile = "表格块没有写文件名。"
    static let tableBlockFix = "请这样写：```table 收支明细.xlsx（或在块里写 文件: 收支明细.xlsx，工作表: 10月，标题: …），最后一行 ``` 结束。"
    static func tableBlockUnknownKey(_ key: String) -> String { "表格块里的“\(key)”不认识。" }
    static let tableBlockUnknownKeyFix = "表格块只认 文件（file）、工作表（sheet）和 标题（title），例如 工作表: 10月。"
    static func tableFileOutside(_ file: String) -> String { "表格文件“\(file)”要放在公告旁边，不能写路径。" }
    static let tableFileOutsideFix = "请把文件复制到公告所在的文件夹里，这里只写文件名。"
    static func tableFileType(_ file: String) -> String { "“\(file)”不是 .csv 或 .xlsx 文件，不能作为表格读入。" }
    static let tableFileTypeFix = "请在 Excel 或 WPS 里“另存为” .xlsx（Excel 工作簿）或 .csv（逗号分隔）后再引用；.xls 旧格式也请另存为 .xlsx。"
    static func tableFileTooLarge(_ file: String, _ mb: Int) -> String { "表格文件“\(file)”超过 \(mb) MB，不读入。" }
    static let tableFileTooLargeFix = "请只保留要公开的那张表另存为一个小文件再引用。"
    static func tableSheetWithCSV(_ file: String) -> String { "“\(file)”是 CSV 文件，没有工作表，写的工作表不起作用。" }
    static let tableSheetWithCSVFix = "请删掉 工作表 这一项，或改为引用 .xlsx 文件。"
    static func xlsxUnreadable(_ file: String, _ reason: String) -> String { "无法读取 Excel 文件“\(file)”：\(reason)。" }
    static let xlsxUnreadableFix = "请用 Excel 或 WPS 打开这个文件，确认能打开后“另存为” .xlsx（Excel 工作簿）再构建。"
    static func unknownSheet(_ sheet: String, _ file: String) -> String { "“\(file)”里没有名为“\(sheet)”的工作表。" }
    static func unknownSheetFix(_ suggestion: String?, _ sheets: [String]) -> String {
        let list = sheets.map { "“\($0)”" }.joined(separator: "、")
        if let suggestion { return "是不是“\(suggestion)”？这个文件里的工作表有：\(list)。" }
        return "这个文件里的工作表有：\(list)，请写其中一个（不写则用第一张）。"
    }
    static func csvEncoding(_ file: String) -> String { "CSV 文件“\(file)”既不是 UTF-8 也不是 GBK/GB18030 编码，无法读取。" }
    static let csvEncodingFix = "请在 Excel 里“另存为”选择“CSV UTF-8（逗号分隔）”，或在 WPS 里另存为 CSV 后再构建。"
    static func csvUnclosedQuote(_ file: String) -> String { "CSV 文件“\(file)”从这一行开始的引号没有配对。" }
    static let csvUnclosedQuoteFix = "请用 Excel 或 WPS 打开后重新另存为 CSV，不要用记事本手工改引号。"
    static func tableEmpty(_ file: String) -> String { "表格文件“\(file)”里没有任何内容，公告里这张表是空的。" }
    static let tableEmptyFix = "请检查是不是引用错了文件或工作表。"
    static func totalMismatch(_ label: String, _ column: String, _ stated: String, _ computed: String, _ place: String) -> String {
        let name = column.isEmpty ? "" : "“\(column)”列"
        return "\(place)\(label)行\(name)写的是 \(stated)，上面各行相加是 \(computed)，两者不一致。"
    }
    static let totalMismatchFix = "请核对各行数字和合计（公开的账目要能对得上）；改好后重新构建。"
    static func tableSource(_ file: String, sheet: String?) -> String {
        sheet.map { "数据来源：\(file)，工作表“\($0)”" } ?? "数据来源：\(file)"
    }

    // GK160 revisions (修订记录)
    static let revisionsShape = "修订 应是一个列表，每项写明 date（日期）、what（修改内容）、why（原因）。"
    static let revisionsShapeFix = "例如：\n修订:\n  - {date: 2025-10-20, what: 更正第三项金额, why: 录入错误}"
    static func revisionMissing(_ field: String) -> String { "这条修订记录缺少\(field)。" }
    static let revisionMissingFix = "每条修订记录都要写明 date（修订日期）、what（改了什么）、why（为什么改），村民看得到。"
    static func revisionBeforeNotice(_ day: String, _ notice: String) -> String { "修订日期 \(day) 早于公告发布日期 \(notice)。" }
    static let revisionBeforeNoticeFix = "修订只能在发布之后；请写实际修改的日期。"

    // GK161 withdrawal (撤回)
    static let withdrawnShape = "撤回 应写成 {date: 撤回日期, reason: 原因}。"
    static let withdrawnShapeFix = "例如：撤回: {date: 2025-11-02, reason: 名单中误列了已迁出的户，经村民代表会议决定撤回，核实后重新公示}"
    static func withdrawnBeforeNotice(_ day: String, _ notice: String) -> String { "撤回日期 \(day) 早于公告发布日期 \(notice)。" }
    static let withdrawnBeforeNoticeFix = "请写实际撤回的日期。"
    static let withdrawnKeysFix = "撤回 只认 date（日期）和 reason（原因）。"
    /// The summary of a withdrawn notice (its text is not published any more).
    static func withdrawnSummary(_ day: String, _ reason: String) -> String { "本公告已于\(day)撤回。原因：\(reason)" }

    // The front matter's values: what each key takes, its date labels, and the fixes (GK103, GK109, GK110, GK144, GK160)
    static let textValue = "一段文字"
    static let textValueFix = "请在冒号后面直接写文字，不要写成列表或多项。"
    static let noticeDateLabel = "日期"
    static let reviewDateLabel = "审核日期"
    static let periodStartLabel = "公示期开始日期"
    static let periodEndLabel = "公示期结束日期"
    static let revisionDateLabel = "修订日期"
    static let withdrawnDateLabel = "撤回日期"
    static func stageDateLabel(_ stage: String) -> String { "\(stage)日期" }
    static let revisionDateField = "日期（date）"
    static let revisionWhatField = "修改内容（what）"
    static let revisionWhyField = "原因（why）"
    static let reviewedShape = "{by: 审核单位, date: 日期}"
    static let reviewedShapeFix = "例如：审核: {by: 马庄村村务监督委员会, date: 2024-10-07}。"
    static let reviewedKeysFix = "审核 只认 by（审核单位）和 date（日期）。"
    /// Who reviews when community.yml names no supervision committee.
    static let defaultSupervision = "村务监督委员会"
    /// What a review date is called in the fix when the notice has no valid date.
    static let reviewDatePlaceholder = "审核日期"
    /// What a village is called in the fix when the notice's community is unknown.
    static let defaultCommunity = "本村"
    static let draftShape = "true 或 false"
    static let draftFix = "草稿请写 草稿: true，发布时删掉这一行。"
    static let processKeysFix = "四议两公开的每一项只认 环节（stage）、日期（date）、结果（outcome）。"
    static let revisionKeysFix = "修订 的每一项只认 date（日期）、what（修改内容）和 why（原因）。"
    static let attachmentsShape = "一个列表（每项 - file: 文件名, title: 说明）"
    static let attachmentsShapeFix = "例如：附件: [{file: 收支明细.pdf, title: 10月收支明细}]。"
    static let attachmentFileShape = "每项写明 file（文件名）"
    static let attachmentFileShapeFix = "例如：- {file: 收支明细.pdf, title: 10月收支明细}"
    static let attachmentInlineShape = "inline: true 或 false"
    static let attachmentInlineShapeFix = "例如：- {file: 现场照片.jpg, title: 施工现场, inline: false}"
}

/// A period as shown in messages: `10月8日`, `10月13日`, days.
struct DisplayPeriodText {
    var from: String
    var to: String
    var days: Int

}
