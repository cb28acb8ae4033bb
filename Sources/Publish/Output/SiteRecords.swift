import Foundation

/// What the last build wrote into each site folder of an output, and from
/// which inputs: a build whose inputs for a site are the same, and which finds
/// that site's folder as the last build left it, keeps the folder as it is
/// instead of rendering and writing it again. Kept in `.build-cache/` beside
/// the output folder (safe to delete: the next build then makes every site),
/// removed when a build starts writing and written again once it committed,
/// so a build that fails or is killed leaves no record to trust.
package struct SiteRecords: Codable, Sendable, Equatable {
    package struct Site: Codable, Sendable, Equatable {
        /// SHA-256 of everything the site is made from (see `SiteBuild`).
        package let inputs: String
        /// The site folder's fingerprint after the build (``BuildStamp/contents(of:)``).
        package let outputs: String

        package init(inputs: String, outputs: String) {
            self.inputs = inputs
            self.outputs = outputs
        }
    }

    /// By domain (the site's folder in the output).
    package var sites: [String: Site]

    package init(sites: [String: Site]) {
        self.sites = sites
    }

    /// The fingerprint of the site folder `domain` of `output`, when it is as
    /// the record says, made from `inputs`; `nil` when it is not (or was not recorded).
    package func unchanged(_ domain: String, inputs: String, in output: String) -> String? {
        guard let site = sites[domain], site.inputs == inputs else { return nil }
        return site.outputs == BuildStamp.contents(of: "\(output)/\(domain)") ? site.outputs : nil
    }

    /// `.build-cache/<output folder's name>.sites.json` beside the output folder.
    package static func file(for output: String) -> String {
        BuildStamp.file(for: output).replacingOccurrences(of: ".stamp.json", with: ".sites.json", options: .backwards)
    }

    package static func read(for output: String) -> SiteRecords? {
        guard let data = FileManager.default.contents(atPath: file(for: output)) else { return nil }
        return try? JSONDecoder().decode(SiteRecords.self, from: data)
    }

    /// Writes the record through a temporary file renamed over it: never half a record.
    package func write(for output: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        let file = Self.file(for: output)
        try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try (encoder.encode(self) + Data([0x0A])).write(to: URL(fileURLWithPath: file), options: .atomic)
    }

    package static func remove(for output: String) {
        try? FileManager.default.removeItem(atPath: file(for: output))
    }
}
