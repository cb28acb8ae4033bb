/// Where and how one site is served (`deploy:` in portal.yml, province-wide,
/// and in a city's entry or `hub:` for that site alone).
package struct DeploySettings: Sendable, Hashable {
    /// Each site lives in `<root>/<domain>/releases/`, served from `<root>/<domain>/current`.
    package var root: String = "/srv/12320"
    /// nginx `listen` value for plain HTTP, e.g. `80` or `127.0.0.1:8080`.
    package var listen: String = "80"
    /// nginx `listen` value for HTTPS, used when TLS is on.
    package var listenTLS: String = "443 ssl"
    /// Other names the site answers to (redirected to its domain).
    package var serverNames: [String] = []
    /// `tls: off` serves the site over plain HTTP though certificates are set (province-wide).
    package var tlsEnabled = true
    /// Certificate and key paths; `{domain}` stands for the site's domain.
    /// Unset: the TLS directives are written commented out.
    package var certificate: String?
    package var certificateKey: String?
    /// The issuer's chain, for OCSP stapling (`ssl_trusted_certificate`).
    package var certificateChain: String?
    /// `Strict-Transport-Security: max-age=…` when TLS is on; `nil` (`hsts: off`) sends none.
    package var hstsMaxAge: Int? = 31_536_000
    /// Where `deploy` puts the site's releases; none: `deploy --to` names the folder.
    package var targets: [DeployTarget] = []

    package init() {}

    package var hasTLS: Bool { tlsEnabled && certificate != nil && certificateKey != nil }

    /// How readers reach the site: links, canonical addresses, sitemap and feed use it.
    package var scheme: String { hasTLS ? "https" : "http" }
}
