/// The instruction keywords Docker knows. Stored next to the keyword text so the
/// parser and the typed views dispatch on an enum instead of comparing strings.
enum DockerKeyword: UInt8, Sendable, Hashable, CaseIterable {
    case from, run, cmd, entrypoint, copy, add, env, arg, expose, healthcheck
    case user, workdir, label, shell, volume, stopsignal, onbuild, maintainer

    /// The upper-case spelling (a literal, so no allocation).
    var name: String {
        switch self {
        case .from: "FROM"
        case .run: "RUN"
        case .cmd: "CMD"
        case .entrypoint: "ENTRYPOINT"
        case .copy: "COPY"
        case .add: "ADD"
        case .env: "ENV"
        case .arg: "ARG"
        case .expose: "EXPOSE"
        case .healthcheck: "HEALTHCHECK"
        case .user: "USER"
        case .workdir: "WORKDIR"
        case .label: "LABEL"
        case .shell: "SHELL"
        case .volume: "VOLUME"
        case .stopsignal: "STOPSIGNAL"
        case .onbuild: "ONBUILD"
        case .maintainer: "MAINTAINER"
        }
    }

    /// Case-insensitive match of the keyword's bytes.
    init?(_ bytes: ArraySlice<UInt8>) {
        let match = { (word: StaticString) in DockerBytes.equalsIgnoringCase(bytes, word) }
        var first = bytes.first ?? 0
        if first >= 0x61 && first <= 0x7A { first -= 0x20 }
        let found: DockerKeyword?
        switch (bytes.count, first) {
        case (3, 0x52): found = match("RUN") ? .run : nil
        case (3, 0x43): found = match("CMD") ? .cmd : nil
        case (3, 0x45): found = match("ENV") ? .env : nil
        case (3, 0x41): found = match("ARG") ? .arg : match("ADD") ? .add : nil
        case (4, 0x46): found = match("FROM") ? .from : nil
        case (4, 0x43): found = match("COPY") ? .copy : nil
        case (4, 0x55): found = match("USER") ? .user : nil
        case (5, 0x4C): found = match("LABEL") ? .label : nil
        case (5, 0x53): found = match("SHELL") ? .shell : nil
        case (6, 0x45): found = match("EXPOSE") ? .expose : nil
        case (6, 0x56): found = match("VOLUME") ? .volume : nil
        case (7, 0x57): found = match("WORKDIR") ? .workdir : nil
        case (7, 0x4F): found = match("ONBUILD") ? .onbuild : nil
        case (10, 0x45): found = match("ENTRYPOINT") ? .entrypoint : nil
        case (10, 0x53): found = match("STOPSIGNAL") ? .stopsignal : nil
        case (10, 0x4D): found = match("MAINTAINER") ? .maintainer : nil
        case (11, 0x48): found = match("HEALTHCHECK") ? .healthcheck : nil
        default: found = nil
        }
        guard let found else { return nil }
        self = found
    }

    init?(_ keyword: String) {
        self.init(Array(keyword.utf8)[...])
    }

    /// Keywords whose arguments may be a JSON array.
    var acceptsJSON: Bool {
        switch self {
        case .run, .cmd, .entrypoint, .shell, .copy, .add, .volume: true
        default: false
        }
    }

    /// Keywords that may carry heredocs (shell form only).
    var acceptsHeredocs: Bool {
        self == .run || self == .copy || self == .add
    }
}
