import HTTPTypes
import Hummingbird
import Publish

/// The sites' security headers on every console response, errors included.
struct SecurityHeaders<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as any HTTPResponseError {
            response = try error.response(from: request, context: context)
        }
        for field in NginxConfig.securityHeaderFields {
            if let name = HTTPField.Name(field.name) { response.headers[name] = field.value }
        }
        response.headers[.cacheControl] = "no-store"
        return response
    }
}
