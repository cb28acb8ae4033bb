import Foundation
import Glibc
import Testing

/// A real nginx (Debian's) serving the generated configuration of a build,
/// on a loopback port, stopped when the test ends.
final class NginxServer {
    let port: Int
    let folder: String

    /// - Parameter configurations: the `dist/nginx` folder of a build.
    init(configurations: String, port: Int, folder: String) throws {
        self.port = port
        self.folder = folder
        let conf = Self.mainConfiguration(including: configurations, folder: folder)
        try Data(conf.utf8).write(to: URL(fileURLWithPath: "\(folder)/nginx.conf"))
        // As a daemon, nginx opens its listening sockets before the starting process exits:
        // once it has, requests are accepted. No polling.
        // (posix_spawn and waitpid: Foundation's Process would wait for the daemon too, which keeps its descriptors.)
        guard Self.run(["/usr/sbin/nginx", "-p", folder, "-c", "\(folder)/nginx.conf"]) == 0 else {
            let log = (try? String(contentsOfFile: "\(folder)/error.log", encoding: .utf8)) ?? ""
            throw HTTPProbe.ProbeError.failed("nginx did not start: \(log)")
        }
    }

    /// An nginx.conf that includes the generated site files, with every
    /// path nginx writes inside `folder`.
    static func mainConfiguration(including configurations: String, folder: String) -> String {
        """
        worker_processes 1;
        pid \(folder)/nginx.pid;
        error_log \(folder)/error.log;
        events { worker_connections 256; }
        http {
            include /etc/nginx/mime.types;
            default_type application/octet-stream;
            access_log off;
            client_body_temp_path \(folder)/client_body;
            proxy_temp_path \(folder)/proxy;
            fastcgi_temp_path \(folder)/fastcgi;
            uwsgi_temp_path \(folder)/uwsgi;
            scgi_temp_path \(folder)/scgi;
            include \(configurations)/*.conf;
        }
        """
    }

    /// Runs `arguments` and returns its exit status once it has exited (-1 when it cannot start).
    private static func run(_ arguments: [String]) -> Int32 {
        var pid: pid_t = 0
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        guard posix_spawn(&pid, arguments[0], nil, nil, argv, environ) == 0 else { return -1 }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return (status & 0x7f) == 0 ? (status >> 8) & 0xff : -1
    }

    deinit {
        _ = Self.run(["/usr/sbin/nginx", "-p", folder, "-c", "\(folder)/nginx.conf", "-s", "stop"])
    }
}
