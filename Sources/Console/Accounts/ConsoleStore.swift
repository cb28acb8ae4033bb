import Foundation
import GRDB

/// The console's SQLite database under `--data` (`console.sqlite`, folder
/// mode 0700): accounts, sessions and recent failed logins. Content and
/// decisions never live here: they are files of the content folder.
package final class ConsoleStore: Sendable {
    let database: DatabaseQueue

    /// A session as stored: the SHA-256 of its token (the token itself is only in the browser's cookie).
    struct StoredSession: Codable, FetchableRecord, PersistableRecord {
        static let databaseTableName = "session"
        let tokenHash: String
        let name: String
        let csrf: String
        /// The account's signing key, sealed with a key derived from the token.
        let sealedKey: Data
        let expires: Date
    }

    package init(directory: String) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        database = try DatabaseQueue(path: directory + "/console.sqlite", configuration: configuration)
        try Self.migrator.migrate(database)
    }

    private static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("accounts and sessions") { db in
            try db.create(table: "account") { table in
                table.primaryKey("name", .text)
                table.column("role", .text).notNull()
                table.column("scopeList", .text).notNull()
                table.column("passwordHash", .text).notNull()
                table.column("publicKey", .text).notNull().unique()
                table.column("keySalt", .blob).notNull()
                table.column("sealedKey", .blob).notNull()
                table.column("disabled", .boolean).notNull()
            }
            try db.create(table: "session") { table in
                table.primaryKey("tokenHash", .text)
                table.column("name", .text).notNull().references("account", onDelete: .cascade)
                table.column("csrf", .text).notNull()
                table.column("sealedKey", .blob).notNull()
                table.column("expires", .datetime).notNull()
            }
            try db.create(table: "loginFailure") { table in
                table.column("name", .text).notNull().indexed()
                table.column("at", .datetime).notNull()
            }
        }
        return migrator
    }

    package func accounts() throws -> [ConsoleAccount] {
        try database.read { try ConsoleAccount.order(Column("name")).fetchAll($0) }
    }

    func account(named name: String) throws -> ConsoleAccount? {
        try database.read { try ConsoleAccount.fetchOne($0, key: name) }
    }

    func insert(_ account: ConsoleAccount) throws {
        try database.write { try account.insert($0) }
    }

    func delete(account name: String) throws {
        _ = try database.write { try ConsoleAccount.deleteOne($0, key: name) }
    }

    /// Marks the account disabled and ends its sessions.
    func disable(_ name: String) throws {
        try database.write { db in
            try db.execute(sql: "UPDATE account SET disabled = 1 WHERE name = ?", arguments: [name])
            try db.execute(sql: "DELETE FROM session WHERE name = ?", arguments: [name])
        }
    }

    func insert(_ session: StoredSession) throws {
        try database.write { db in
            try db.execute(sql: "DELETE FROM session WHERE expires < ?", arguments: [Date()])
            try session.insert(db)
        }
    }

    func session(tokenHash: String, now: Date) throws -> StoredSession? {
        try database.read { db in
            try StoredSession.filter(Column("tokenHash") == tokenHash && Column("expires") > now).fetchOne(db)
        }
    }

    func deleteSession(tokenHash: String) throws {
        _ = try database.write { try StoredSession.deleteOne($0, key: tokenHash) }
    }

    /// Records a failed login for `name` (no more than the throttle needs to count), dropping those older than `since`.
    func recordFailure(_ name: String, at now: Date, countingSince since: Date) throws {
        try database.write { db in
            try db.execute(sql: "DELETE FROM loginFailure WHERE at < ?", arguments: [since])
            let count = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM loginFailure WHERE name = ?", arguments: [name]) ?? 0
            if count < ConsoleSessions.allowedFailures {
                try db.execute(sql: "INSERT INTO loginFailure (name, at) VALUES (?, ?)", arguments: [name, now])
            }
        }
    }

    func failures(_ name: String, since: Date) throws -> Int {
        try database.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM loginFailure WHERE name = ? AND at >= ?", arguments: [name, since]) ?? 0
        }
    }
}
