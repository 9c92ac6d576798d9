import Testing
@testable import GongkaiDesk
