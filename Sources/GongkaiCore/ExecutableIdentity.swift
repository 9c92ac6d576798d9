import Foundation

/// Which gongkai made a file: the running executable's size and modification
/// time. Caches and the writer's records name it, so that a new gongkai
/// never trusts what an older one left.
public enum ExecutableIdentity {
    public static let current: String = {
        var st = stat()
        guard stat("/proc/self/exe", &st) == 0 || stat(CommandLine.arguments.first ?? "", &st) == 0 else { return "unknown" }
        return "\(st.st_size)@\(st.st_mtim.tv_sec).\(st.st_mtim.tv_nsec)"
    }()
}
