import Foundation
import Synchronization

/// `portal12320 build`: content and theme in, one folder per site out,
/// swapped in atomically, or nothing changed at all.
public struct SiteBuild: Sendable {
    public let content: Content
    public let templatesDirectory: String
    public let outputDirectory: String
    /// City abbreviations to build; empty for every opened city.
    public let onlyCities: Set<String>

    public init(content: Content, templatesDirectory: String, outputDirectory: String, onlyCities: Set<String> = []) {
        self.content = content
        self.templatesDirectory = templatesDirectory
        self.outputDirectory = outputDirectory
        self.onlyCities = onlyCities
    }

    /// What a build did.
    public struct Report: Sendable {
        public let sites: Int
        public let files: Int
        public let pages: Int
        public let heldBack: [PublishGate.HeldBack]
    }

    /// Renders every site into a staging folder and swaps it in.
    /// - Parameter progress: called with (files done, files in all) from any thread.
    /// - Throws: ``ContentErrors`` for problems in content or templates, ``OutputError`` when writing fails.
    ///   Either way the previous output is left as it was.
    public func run(progress: (@Sendable (Int, Int) -> Void)? = nil) async throws -> Report {
        let templates = try await TemplateSet.load(directory: templatesDirectory)
        let (publishable, heldBack) = PublishGate().split(content.answers)
        let plan = try SitePlan(province: content.province, publishable: publishable, onlyCities: onlyCities)
        let files = SiteRenderer(plan: plan, templates: templates, contentDirectory: content.directory).files()

        let output = try StagedOutput(target: outputDirectory)
        do {
            try output.prepareFolders(for: files.map(\.path))
            try write(files, to: output, progress: progress)
            if !onlyCities.isEmpty {
                try output.carryOver(except: Set(files.map { String($0.path.prefix { $0 != "/" }) }))
            }
            try output.commit()
        } catch {
            output.discard()
            throw error
        }
        return Report(sites: plan.cities.count + 1, files: files.count,
                      pages: files.count { $0.path.hasSuffix(".html") }, heldBack: heldBack)
    }

    private func write(_ files: [OutputFile], to output: StagedOutput,
                       progress: (@Sendable (Int, Int) -> Void)?) throws {
        let done = Atomic<Int>(0)
        let outcomes = files.concurrentMap { file -> (any Error)? in
            defer {
                let count = done.add(1, ordering: .relaxed).newValue
                if count % 500 == 0 || count == files.count { progress?(count, files.count) }
            }
            do {
                try output.write(try file.make(), to: file.path)
                return nil
            } catch {
                return error
            }
        }
        let errors = outcomes.compactMap { $0 }
        let issues = errors.compactMap { $0 as? ContentIssue }
        // A broken template fails every page made from it: report it once.
        var seen = Set<String>()
        try ContentErrors.check(issues.filter { seen.insert($0.description).inserted })
        if let first = errors.first { throw first }
    }
}
