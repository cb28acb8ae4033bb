import ArgumentParser
import Content
import Diagnostics
import Foundation
import Review

/// `--key FILE`, or the file `PORTAL12320_KEY` names: whose signature a line carries.
struct KeyOption: ParsableArguments {
    @Option(help: ArgumentHelp("Your private key file (default: $PORTAL12320_KEY).", valueName: "file"))
    var key: String?

    func load() throws -> SigningKey {
        guard let path = key ?? ProcessInfo.processInfo.environment["PORTAL12320_KEY"] else {
            throw ValidationError("Give your key file with --key FILE (or set PORTAL12320_KEY): every line is signed.")
        }
        do {
            return try SigningKey.read(from: path)
        } catch {
            Terminal.report(error)
            throw ExitCode.validationFailure
        }
    }
}
