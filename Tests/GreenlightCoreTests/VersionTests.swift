import Testing
@testable import GreenlightCore
@Test func versionIsSet() { #expect(!Greenlight.version.isEmpty) }
