import NIOHTTP2

/// The gRPC status codes (`grpc-status`) and the health service's serving statuses, by name.
enum GRPCStatusCode {
    static let ok = 0
    static let notFound = 5
    static let unimplemented = 12

    private static let names = [
        "OK", "CANCELLED", "UNKNOWN", "INVALID_ARGUMENT", "DEADLINE_EXCEEDED", "NOT_FOUND", "ALREADY_EXISTS",
        "PERMISSION_DENIED", "RESOURCE_EXHAUSTED", "FAILED_PRECONDITION", "ABORTED", "OUT_OF_RANGE",
        "UNIMPLEMENTED", "INTERNAL", "UNAVAILABLE", "DATA_LOSS", "UNAUTHENTICATED",
    ]

    /// "UNAVAILABLE (14)", or "status 42" for codes outside the standard set.
    static func name(_ code: Int) -> String {
        names.indices.contains(code) ? "\(names[code]) (\(code))" : "status \(code)"
    }

    /// `HealthCheckResponse.ServingStatus`: UNKNOWN 0, SERVING 1, NOT_SERVING 2, SERVICE_UNKNOWN 3.
    static func servingStatusName(_ status: UInt64) -> String {
        switch status {
        case 0: "UNKNOWN"
        case 1: "SERVING"
        case 2: "NOT_SERVING"
        case 3: "SERVICE_UNKNOWN"
        default: "serving status \(status)"
        }
    }

    private static let http2Errors = [
        "NO_ERROR", "PROTOCOL_ERROR", "INTERNAL_ERROR", "FLOW_CONTROL_ERROR", "SETTINGS_TIMEOUT", "STREAM_CLOSED",
        "FRAME_SIZE_ERROR", "REFUSED_STREAM", "CANCEL", "COMPRESSION_ERROR", "CONNECT_ERROR", "ENHANCE_YOUR_CALM",
        "INADEQUATE_SECURITY", "HTTP_1_1_REQUIRED",
    ]

    /// An HTTP/2 error code as RFC 9113 names it: "REFUSED_STREAM".
    static func http2ErrorName(_ code: HTTP2ErrorCode) -> String {
        http2Errors.indices.contains(code.networkCode) ? http2Errors[code.networkCode] : "error 0x\(String(code.networkCode, radix: 16))"
    }
}
