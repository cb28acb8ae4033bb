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
        guard Executable.spawn(["/usr/sbin/nginx", "-p", folder, "-c", "\(folder)/nginx.conf"]) == 0 else {
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

    deinit {
        Executable.stopDaemon(pidFile: "\(folder)/nginx.pid") // nginx -s stop, without the race
    }
}
