import ArgumentParser

/// Where the console keeps its database of accounts and sessions.
struct ConsoleDataOption: ParsableArguments {
    @Option(help: ArgumentHelp("The console's data folder (its SQLite database); keep it out of version control.", valueName: "dir"))
    var data = ".console"
}
