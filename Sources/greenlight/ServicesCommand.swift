import ArgumentParser
import Foundation
import GreenlightCore

struct ServicesCommand: ParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table
        case json
    }

    static let configuration = CommandConfiguration(
        commandName: "services",
        abstract: "Show what Greenlight understood about each service: image, build, command, ports, health check, environment, code."
    )

    @OptionGroup var scan: ScanOptions

    @Option(help: "table or json.")
    var format: Format = .table

    func run() throws {
        try scan.validateRoot()
        let configuration = try scan.loadConfiguration()
        let project = ProjectScanner.scan(ProjectScanner.tree(at: scan.path), configuration: configuration)
        switch format {
        case .table: print(ServiceSummary.table(project), terminator: "")
        case .json: print(ServiceSummary.json(project))
        }
    }
}
