import GreenlightCore

/// Why one AWS call failed.
public enum AWSCallError: Error, Sendable {
    /// AWS answered with an error.
    case service(AWSServiceError)
    /// The request did not get an answer (refused, timed out, TLS…); the NIO or HTTP client error.
    case transport(any Error)
    /// An answer that is not what the operation returns (HTML from a proxy, unexpected JSON).
    case malformed(String)

    /// The outcome a probe reports for this failure of `operation` against `access`.
    public func outcome(operation: String, access: AWSAccess, timeout: Duration?) -> ProbeOutcome {
        let where_ = "AWS \(access.service.displayName) at \(access.endpoint)"
        switch self {
        case .service(let error):
            if error.isAuth {
                return .fail(.auth, "\(where_) rejected \(operation): \(error)")
            }
            if error.isThrottling {
                return .fail(.unreachable, "\(where_) throttled \(operation) (\(error)); a later attempt may pass")
            }
            if error.httpStatus >= 500 {
                return .fail(.unreachable, "\(where_) failed \(operation) with status \(error.httpStatus): \(error)")
            }
            if error.code.hasSuffix("NotFoundException") {
                return .fail(.missing, "\(where_): \(error)")
            }
            if error.code == "ValidationException" || error.code == "InvalidParameterException" {
                return .fail(.setup, "\(where_) refused \(operation) as invalid: \(error)")
            }
            return .fail(.protocolError, "\(where_) answered \(operation) with \(error)")
        case .transport(let error):
            return NetworkFailure.describe(error, target: "AWS \(access.service.displayName) at \(access.endpoint.url)", timeout: timeout)
        case .malformed(let detail):
            return .fail(.protocolError, "\(where_) answered \(operation) with \(detail)")
        }
    }
}
