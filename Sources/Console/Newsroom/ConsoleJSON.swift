/// What the API sends, as the pages and docs/console-api.md name it.
enum ConsoleJSON {
    struct Failure: Encodable {
        let error: String
        let issues: [Issue]?
    }

    struct Issue: Encodable {
        let file: String
        let line: Int?
        let message: String
    }

    struct SessionStarted: Encodable {
        let csrf: String
        let name: String
        let role: String
        let scopes: [String]
    }

    struct Me: Encodable {
        let name: String
        let role: String
        let scopes: [String]
        let csrf: String
        let categories: [Named]
        let cities: [City]
    }

    struct Named: Encodable {
        let key: String
        let name: String
    }

    struct City: Encodable {
        let abbr: String
        let name: String
    }

    struct QueueItem: Encodable {
        let answer: String
        let title: String
        let status: String
        let findings: Int
        let submitter: String?
        let age_s: Int?
    }

    struct Queue: Encodable {
        let items: [QueueItem]
        let counts: [String: Int]
    }

    struct Finding: Encodable {
        let rule: String
        let label: String?
        let severity: String
        let line: Int
        let column: Int
        let term: String?
    }

    struct HistoryEntry: Encodable {
        let time: String
        let decision: String
        let person: String
        let note: String
        let this_text: Bool
        /// Whether the line counts (signed by someone of people.yml allowed to write it).
        let counts: Bool
    }

    struct Answer: Encodable {
        let answer: String
        let title: String
        let markdown: String
        let sha256: String
        let status: String
        let reason: String?
        let findings: [Finding]
        let approved_sha256: String?
        let diff: [String]
        let preview_html: String
        let history: [HistoryEntry]
    }

    struct Saved: Encodable {
        let sha256: String
        let status: String
        let findings: [Finding]
    }

    struct Submitted: Encodable {
        let sha256: String
    }

    struct Decided: Encodable {
        let decision: String
        let sha256: String
    }

    struct Preview: Encodable {
        let preview_html: String
        let findings: [Finding]
        let issues: [Issue]
    }
}
