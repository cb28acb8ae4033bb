/// Where and how city operators serve the sites (`deploy:` in portal.yml).
package struct DeploySettings: Sendable, Equatable {
    /// Each site lives in `<root>/<domain>/releases/`, served from `<root>/<domain>/current`.
    package var root: String = "/srv/12320"
    /// nginx `listen` value for plain HTTP, e.g. `80` or `127.0.0.1:8080`.
    package var listen: String = "80"
    /// nginx `listen` value for HTTPS, used when certificates are set.
    package var listenTLS: String = "443 ssl"
    /// Certificate and key paths; `{domain}` stands for the site's domain.
    /// Unset: the TLS directives are written commented out.
    package var certificate: String?
    package var certificateKey: String?

    package init() {}

    package var hasTLS: Bool { certificate != nil && certificateKey != nil }
}
