// The verify tests use LiveServers from the shared support target without importing it in every file.
@_exported import GreenlightTestSupport
