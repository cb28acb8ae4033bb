import Foundation
import Glibc
import Testing

/// A real OpenSSH server (Debian's `openssh-server`) on a loopback port, with
/// a host key and a client key made for the test, and an ssh configuration
/// file (`--ssh-config`) that trusts exactly that host key. Stopped when the test ends.
final class SSHServer {
    let port = HTTPProbe.freePort()
    let folder: String
    /// The `--ssh-config` file: the client key, the server's host key as the only known one.
    var clientConfig: String { folder + "/ssh_config" }
    /// `user@127.0.0.1:port`, for a target address.
    var authority: String { "\(Self.user)@127.0.0.1:\(port)" }

    static var user: String { String(cString: getpwuid(getuid()).pointee.pw_name) }

    /// - Parameter forceCommand: a script the server runs instead of what the client asks (`$SSH_ORIGINAL_COMMAND`).
    init(forceCommand: String? = nil) throws {
        folder = try Executable.temporaryFolder()
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for key in ["host_key", "client_key"] {
            try #require(Executable.spawn(["/usr/bin/ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", key, "-f", "\(folder)/\(key)"]) == 0)
        }
        try FileManager.default.copyItem(atPath: "\(folder)/client_key.pub", toPath: "\(folder)/authorized_keys")
        let hostKey = try String(contentsOfFile: "\(folder)/host_key.pub", encoding: .utf8).split(separator: " ").prefix(2).joined(separator: " ")
        try "[127.0.0.1]:\(port) \(hostKey)\n".write(toFile: "\(folder)/known_hosts", atomically: true, encoding: .utf8)
        var server = """
            Port \(port)
            ListenAddress 127.0.0.1
            HostKey \(folder)/host_key
            AuthorizedKeysFile \(folder)/authorized_keys
            PidFile \(folder)/sshd.pid
            PasswordAuthentication no
            KbdInteractiveAuthentication no
            PubkeyAuthentication yes
            PermitRootLogin prohibit-password
            StrictModes no
            UsePAM no

            """
        if let forceCommand {
            try forceCommand.write(toFile: "\(folder)/force.sh", atomically: true, encoding: .utf8)
            chmod("\(folder)/force.sh", 0o755)
            server += "ForceCommand \(folder)/force.sh\n"
        }
        try server.write(toFile: "\(folder)/sshd_config", atomically: true, encoding: .utf8)
        try Self.writeClientConfig(for: [folder], to: clientConfig)
        // sshd's privilege separation needs this folder (made by the service on a normal system).
        try? FileManager.default.createDirectory(atPath: "/run/sshd", withIntermediateDirectories: true)
        // As a daemon, sshd listens before the starting process exits: no polling.
        let started = Executable.spawn(["/usr/sbin/sshd", "-f", "\(folder)/sshd_config", "-E", "\(folder)/sshd.log"])
        try #require(started == 0, "sshd did not start: \((try? String(contentsOfFile: "\(folder)/sshd.log", encoding: .utf8)) ?? "")")
    }

    /// One ssh configuration for several servers: each one's client key, each one's host key as the only ones known.
    static func writeClientConfig(for servers: [SSHServer], to file: String) throws {
        try writeClientConfig(for: servers.map(\.folder), to: file)
    }

    private static func writeClientConfig(for folders: [String], to file: String) throws {
        let config = "Host *\n" + folders.map { "  IdentityFile \($0)/client_key\n" }.joined()
            + "  IdentitiesOnly yes\n  UserKnownHostsFile \(folders.map { "\($0)/known_hosts" }.joined(separator: " "))\n"
            + "  StrictHostKeyChecking yes\n  LogLevel ERROR\n"
        try config.write(toFile: file, atomically: true, encoding: .utf8)
    }

    deinit {
        Executable.stopDaemon(pidFile: "\(folder)/sshd.pid")
        try? FileManager.default.removeItem(atPath: folder)
    }
}
