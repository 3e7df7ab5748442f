import Foundation
import GreenlightCore

/// The Markdown journal of one deployment, rebuilt from the history after every step and
/// event, so the file always says what the history holds.
public enum JournalRenderer {
    /// The whole journal, from what the history holds. Pure: same input, same text.
    ///
    /// `steps` in the order they started and `events` in the order they happened, as
    /// `DeploymentStore` returns them. Times are shown in `timeZone`, named once in the
    /// header. Text from commands and messages is escaped, so it reads the same raw and
    /// rendered; `note:` text and descriptions are kept as the author's Markdown.
    public static func render(runbook: Runbook, deployment: DeploymentRecord, steps: [StepRecord],
                              events: [DeploymentEvent], timeZone: TimeZone) -> String {
        let context = JournalContext(runbook: runbook, deployment: deployment, steps: steps, events: events, timeZone: timeZone)
        let sections = [
            JournalHeader.title(context),
            JournalHeader.currentPhase(context),
            JournalHeader.gitReferences(context),
            JournalPlan.section(context),
            JournalResults.phases(context),
            JournalResults.validation(context),
            JournalProgressLog.section(context),
            JournalRollback.section(context),
            JournalRollback.keyLearnings(context),
        ]
        return sections.map { $0.joined(separator: "\n") }.joined(separator: "\n\n") + "\n"
    }
}
