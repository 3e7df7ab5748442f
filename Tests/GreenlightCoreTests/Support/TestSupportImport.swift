// The shared test support (the seeded generator, the built binary) for every file here.
@_exported import GreenlightTestSupport
