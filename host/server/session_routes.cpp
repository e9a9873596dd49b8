// Signing in and out, and the signed-in user's own account.
#include <fmt/format.h>

#include "server/api.hpp"
#include "server/json_views.hpp"
#include "services/authorization.hpp"

namespace dplan::server {

namespace {

ApiResponse login(RouteContext& context) {
    const auto& body = context.body();
    const auto signed_in = context.services.sign_in().sign_in(
        required_string(body, "username"), required_string(body, "password"), context.request.origin);
    return json_response(
        {{"token", signed_in.token}, {"expires_at", signed_in.expires_at}, {"user", user_json(signed_in.user)}});
}

ApiResponse logout(RouteContext& context) {
    const std::string& header = context.request.authorization;
    context.services.sign_in().sign_out(header.substr(header.find(' ') + 1), context.services.user());
    return ApiResponse{204, {}, {}, {}, {}, false};
}

// The account's version as its ETag: it changes with the password or the disabled flag.
ApiResponse me(RouteContext& context) {
    auto response = json_response(user_json(context.services.user()));
    response.etag = fmt::format("\"{}\"", context.services.user().version);
    return response;
}

ApiResponse change_password(RouteContext& context) {
    const auto& body = context.body();
    try {
        context.services.sign_in().change_own_password(
            context.services.user(), required_string(body, "current_password"), required_string(body, "new_password"));
    } catch (const SignInRefused& e) {
        // Refused as a sign-in is (as slowly, and counted), but the session itself is fine: 403.
        auto response = error_response(403, "forbidden", e.message());
        response.delay_as_failed_sign_in = true;
        return response;
    }
    return ApiResponse{204, {}, {}, {}, {}, false};
}

}  // namespace

void add_session_routes(Router& router) {
    router.add({"POST", "/api/login", false, login});
    router.add({"POST", "/api/logout", true, logout});
    router.add({"GET", "/api/me", true, me});
    router.add({"POST", "/api/me/password", true, change_password});
}

}  // namespace dplan::server
