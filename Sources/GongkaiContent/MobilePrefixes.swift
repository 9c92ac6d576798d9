/// The number blocks of China's public mobile networks (公众移动通信网网号 and
/// their H0/H1 digits) that the Ministry of Industry and Information
/// Technology has assigned to carriers: a run of 11 digits starting with `1`
/// is a mobile number only if it starts with one of these.
///
/// Source: 工业和信息化部《我国公众移动通信网网号及H0分配情况（截至2023年3月底）》,
/// published 2023-06-05 under 《电信网码号资源管理办法》 and 《电信网编号计划（2017年版）》
/// (the latest table the ministry has published as of this writing; the
/// 2017 plan reserves 160, 163, 168, 169 and 179 for other services, and
/// 10x–12x are service and special numbers). docs/diagnostics.md GK173 lists
/// the same blocks; update both together when the ministry publishes a new table.
///
/// Not in it, so never a mobile: 10x, 11x, 12x, 140–144 (13-digit IoT
/// numbers), 154, 160, 161 except 1619, 163, 164, 168, 169, 179, 194, and
/// 1349/1741 outside the satellite blocks below.
enum MobilePrefixes {
    /// Whole 3-digit network codes (H0 0–9 all assigned).
    static let networks: Set<Int> = [
        130, 131, 132, 133, 135, 136, 137, 138, 139,     // 移动 134–139, 联通 130–132, 电信 133
        145, 146, 147, 148, 149,                         // 联通 145/146, 移动 147/148, 电信 149
        150, 151, 152, 153, 155, 156, 157, 158, 159,
        162, 165, 166, 167,                              // 162/165/167 移动转售
        170, 171, 172, 173, 175, 176, 177, 178,          // 170/171 移动转售
        180, 181, 182, 183, 184, 185, 186, 187, 188, 189,
        190, 191, 192, 193, 195, 196, 197, 198, 199,     // 192 中国广电
    ]

    /// Network code and H0 where only some H0 are assigned: 134(0–8);
    /// 1619, 1740 and 1749 (satellite).
    static let blocks: Set<Int> = [1340, 1341, 1342, 1343, 1344, 1345, 1346, 1347, 1348, 1619, 1740, 1749]

    /// Network code, H0 and H1 for the satellite blocks 1349(2,3,9) and 1741(0–2).
    static let subBlocks: Set<Int> = [13492, 13493, 13499, 17410, 17411, 17412]

    /// Whether 11 digits (values 0–9) form a number in an assigned block.
    static func assigned(_ d: [UInt8]) -> Bool {
        guard d.count == 11, d[0] == 1 else { return false }
        let three = 100 + Int(d[1]) * 10 + Int(d[2])
        if networks.contains(three) { return true }
        let four = three * 10 + Int(d[3])
        if blocks.contains(four) { return true }
        return subBlocks.contains(four * 10 + Int(d[4]))
    }
}
