import COpenCC
import Foundation

/// Traditional → simplified Chinese, character by character, from OpenCC's
/// `TSCharacters.ocd2` (Debian's libopencc1.1), after Japanese forms are
/// turned into traditional ones (`JPShinjitaiCharacters`, `JPVariantsRev`): one character in, one out, so
/// every normalised character still points at the character written.
enum TraditionalToSimplified {
    /// Folders searched for `TSCharacters.ocd2`, after `$OPENCC_DATA_DIR`.
    static let dataFolders = ["/usr/share/opencc", "/usr/local/share/opencc", "/opt/homebrew/share/opencc"]

    /// The ranges converted: every Han character.
    static let ranges = HanScript.ranges

    /// Every character whose simplified form differs, or an error naming what is missing.
    /// - Parameter parts: how many parts the characters are converted in, at once (the same table whatever the number).
    ///   One by default: the table is made once per program (kept between commands, see ``Lexicon/keepTable(in:)``),
    ///   and two converters converting at once are a suspect in a crash not yet explained.
    static func loadTable(parts: Int = 1) throws(ModerationSetupError) -> [UInt32: UInt32] {
        let environment = ProcessInfo.processInfo.environment["OPENCC_DATA_DIR"].map { [$0] } ?? []
        guard let folder = (environment + dataFolders).first(where: {
            FileManager.default.fileExists(atPath: $0 + "/TSCharacters.ocd2")
        }) else {
            throw ModerationSetupError(message: "OpenCC's TSCharacters.ocd2 was not found in \((environment + dataFolders).joined(separator: ", ")).",
                                       fix: "Install it with `apt-get install libopencc1.1`, or set OPENCC_DATA_DIR to the folder that holds it.")
        }
        // Japanese forms first (伝 → 傳, 拠 → 據: shinjitai to traditional), then traditional to simplified.
        let dictionary = folder + "/TSCharacters.ocd2"
        let japanese = ["JPShinjitaiCharacters.ocd2", "JPVariantsRev.ocd2"].map { folder + "/" + $0 }
        guard japanese.allSatisfy(FileManager.default.fileExists(atPath:)) else {
            throw ModerationSetupError(message: "OpenCC's Japanese variant tables (\(japanese.joined(separator: ", "))) are missing.",
                                       fix: "Install them with `apt-get install libopencc1.1`.")
        }
        let group = japanese.map { "{\"type\": \"ocd2\", \"file\": \"\($0)\"}" }.joined(separator: ", ")
        let config = """
            {"name": "JP+TSCharacters", "segmentation": {"type": "mmseg", "dict": {"type": "ocd2", "file": "\(dictionary)"}},
             "conversion_chain": [{"dict": {"type": "group", "dicts": [\(group)]}}, {"dict": {"type": "ocd2", "file": "\(dictionary)"}}]}
            """
        // In a folder of its own that only this user can enter, under a name nobody can guess: a file or
        // folder planted at a fixed name (another user's, in the shared /tmp) can neither stop nor redirect it.
        guard let folder = privateFolder() else {
            throw ModerationSetupError(message: "Cannot make a private temporary folder for OpenCC's configuration in \(NSTemporaryDirectory()).",
                                       fix: "Check that the temporary folder (TMPDIR) is writable.")
        }
        let configPath = folder + "/opencc.json"
        let descriptor = open(configPath, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        let bytes = Array(config.utf8)
        let written = descriptor >= 0 && bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) } == bytes.count
        if descriptor >= 0 { close(descriptor) }
        // One converter per part, all opened before the file and its folder are removed, so only a process
        // killed in these few milliseconds leaves them (OpenCC reads the configuration when it opens).
        let count = max(parts, 1)
        let converters = written ? (0..<count).map { _ in opencc_open(configPath) } : []
        unlink(configPath)
        rmdir(folder)
        defer { for case let converter? in converters where Int(bitPattern: converter) != -1 { opencc_close(converter) } }
        guard written else {
            throw ModerationSetupError(message: "Cannot write a temporary OpenCC configuration at \(configPath).",
                                       fix: "Check that the temporary folder is writable.")
        }
        guard converters.allSatisfy({ $0 != nil && Int(bitPattern: $0) != -1 }) else {
            let reason = opencc_error().map { String(cString: $0) } ?? "unknown error"
            throw ModerationSetupError(message: "OpenCC cannot open \(dictionary): \(reason).",
                                       fix: "Reinstall libopencc1.1 and libopencc-dev.")
        }
        // Passed to the parts as numbers (a pointer is not Sendable); each part uses its own.
        let handles = converters.map { Int(bitPattern: $0) }

        // A conversion that fails is an error, never a skipped step: without
        // it, traditional characters would slip past every term.
        let failed = ModerationSetupError(message: "OpenCC could not convert traditional characters with \(dictionary).",
                                          fix: "Reinstall libopencc1.1; moderation cannot run without the conversion.")
        // About 90,000 characters, in parts converted at once when asked, each by a converter of its own.
        let scalars = ranges.flatMap { $0.compactMap(Unicode.Scalar.init) }
        let size = (scalars.count + count - 1) / count
        let tables = ConcurrentParts.map(count) { part -> [UInt32: UInt32]? in
            let slice = scalars[min(part * size, scalars.count)..<min((part + 1) * size, scalars.count)]
            guard let own = UnsafeMutableRawPointer(bitPattern: handles[part]) else { return nil }
            // One character per line: the dictionary has single-character keys only.
            let input = slice.map { String($0) }.joined(separator: "\n")
            guard let output = input.withCString({ opencc_convert_utf8(own, $0, strlen($0)) }) else { return nil }
            defer { opencc_convert_utf8_free(output) }
            let lines = String(cString: output).split(separator: "\n", omittingEmptySubsequences: false)
            guard lines.count == slice.count else { return nil }
            var table: [UInt32: UInt32] = [:]
            for (original, converted) in zip(slice, lines) {
                guard let simplified = converted.unicodeScalars.first, converted.unicodeScalars.count == 1,
                    simplified != original
                else { continue }
                table[original.value] = simplified.value
            }
            return table
        }
        // A part that failed fails the whole table.
        guard tables.allSatisfy({ $0 != nil }) else { throw failed }
        let table = tables.compactMap { $0 }.reduce(into: [UInt32: UInt32]()) { all, part in all.merge(part) { first, _ in first } }
        // 國 → 国 is in every version of the dictionary: a table without it was not really loaded.
        guard table[0x570B] == 0x56FD else { throw failed }
        return table
    }

    /// A new folder, mode 0700, in the temporary folder (`mkdtemp`), for files no one else may see or replace.
    static func privateFolder() -> String? {
        var template = Array((NSTemporaryDirectory().hasSuffix("/") ? NSTemporaryDirectory() : NSTemporaryDirectory() + "/").utf8CString)
        template.removeLast()
        template += Array("portal12320-opencc-XXXXXX".utf8CString)
        return template.withUnsafeMutableBufferPointer { buffer in mkdtemp(buffer.baseAddress!).map { String(cString: $0) } }
    }
}
