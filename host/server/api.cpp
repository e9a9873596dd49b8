#include "server/api.hpp"

#include <spdlog/spdlog.h>

#include <cctype>

#include "server/api_error.hpp"
#include "server/openapi_document.hpp"
#include "services/authorization.hpp"

namespace dplan::server {

namespace {

// "Bearer TOKEN"; the scheme's name is case-insensitive (RFC 7235).
std::string bearer_token(const std::string& authorization) {
    constexpr std::string_view scheme = "bearer ";
    if (authorization.size() <= scheme.size()) return {};
    for (std::size_t i = 0; i < scheme.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(authorization[i])) != scheme[i]) return {};
    }
    return authorization.substr(scheme.size());
}

// The one answer for an object that does not exist and for one the caller may not see, so the
// two cannot be told apart.
const Bilingual not_found_or_hidden{"找不到，或你無權查看", "not found, or not yours to see"};

}  // namespace

ApiResponse error_response(int status, const std::string& code, const Bilingual& message) {
    return json_response({{"error", {{"code", code}, {"message", {{"zh", message.zh}, {"en", message.en}}}}}}, status);
}

Router api_router() {
    Router router;
    add_session_routes(router);
    add_directory_routes(router);
    add_plan_routes(router);
    add_meeting_routes(router);
    add_programme_routes(router);
    add_audit_routes(router);
    add_openapi_route(router);
    return router;
}

Api::Api(StorePool& pool, SignInPolicy policy, ReadCache* cache, ChangeWatcher* watcher)
    : pool_(pool),
      policy_(policy),
      cache_(cache),
      watcher_(watcher),
      router_(api_router()),
      bodies_(openapi_document()) {
    for (const auto& route : router_.routes())
        route_body_fields_.push_back(bodies_.fields(route.method, route.pattern));
}

ApiResponse Api::handle(const ApiRequest& request) {
    const auto match = router_.match(request.method, request.path);
    if (!match.route) {
        if (match.path_known) {
            return error_response(405, "method_not_allowed",
                                  {"此路徑不接受這個方法", "this path does not take that method"});
        }
        return error_response(404, "not_found", {"沒有這個路徑", "no such path"});
    }
    auto lease = pool_.borrow();
    // A read may be answered from the cache only while a look vouches for it (a write's sign-in
    // and checks read the database anyway).
    if (watcher_ != nullptr && match.route->method == "GET") watcher_->look_if_due(lease.store());
    ServiceScope services(lease.store(), lease.plugins(), policy_, cache_);
    const auto route_index = static_cast<std::size_t>(match.route - router_.routes().data());
    RouteContext context(request, match.parameters, services, route_body_fields_[route_index]);
    return run(*match.route, context);
}

// Long because: one catch per kind of error, each with its status; keeping them together is the
// point (a rule for answering errors lives in one place).
ApiResponse Api::run(const Route& route, RouteContext& context) {
    try {
        if (route.needs_sign_in) {
            // A request that changes something checks its session in the database itself, and
            // each of its writes checks again once it has its turn, so a revocation by another
            // process stops it at once; reads may find the session cached.
            const std::string token = bearer_token(context.request.authorization);
            auto sign_in = context.services.sign_in();
            const bool reads = route.method == "GET";
            User user = reads ? sign_in.authenticate_for_read(token) : sign_in.authenticate(token);
            user.origin = context.request.origin;  // the audit log's "from where"
            // A read writes nothing of the user's: only a change takes its session to its writes.
            context.services.act_as(std::move(user), reads ? std::nullopt : std::optional(session_token_hash(token)));
        }
        return route.handler(context);
    } catch (const ApiError& e) {
        return error_response(e.status(), e.code(), e.message());
    } catch (const SignInRefused& e) {
        auto response = error_response(401, "sign_in_refused", e.message());
        response.delay_as_failed_sign_in = true;
        return response;
    } catch (const NotSignedIn& e) {
        return error_response(401, "not_signed_in", e.message());
    } catch (const PermissionDenied& e) {
        if (!route.probe) return error_response(403, "forbidden", e.message());
        try {
            route.probe(context);
        } catch (const Error&) {
            return error_response(404, "not_found", not_found_or_hidden);
        }
        return error_response(403, "forbidden", e.message());
    } catch (const NotFound& e) {
        // On a route naming one object, "no such object" must read like "not yours to see".
        return error_response(404, "not_found", route.probe ? not_found_or_hidden : e.message());
    } catch (const InvalidInput& e) {
        return error_response(400, "invalid_input", e.message());
    } catch (const Conflict& e) {
        return error_response(409, "conflict", e.message());
    } catch (const OutcomeUnknown& e) {
        spdlog::error("{} {}: {}", context.request.method, context.request.path, e.what());
        return error_response(503, "outcome_unknown",
                              {"儲存改動時與資料庫的連線中斷，無法確定改動是否已儲存；請先重新載入查看，再決定是否重做",
                               "the connection to the database broke while saving, and it is unknown whether the "
                               "change was saved: reload and look before doing it again"});
    } catch (const StorageError& e) {
        // The details (database, statement) go to the log, not to the client.
        spdlog::error("{} {}: {}", context.request.method, context.request.path, e.what());
        return error_response(503, "storage_unavailable",
                              {"資料庫未能完成這項要求，已記錄；請稍後再試或通知管理員",
                               "the database could not complete the request (logged); try again or tell the "
                               "administrator"});
    } catch (const nlohmann::json::exception& e) {
        spdlog::info("{} {}: {}", context.request.method, context.request.path, e.what());
        return error_response(400, "invalid_json",
                              {"請求內容的 JSON 不符合要求（類型不符或數字超出範圍）",
                               "the request's JSON is not as expected (a wrong type, or a number out of range)"});
    } catch (const std::exception& e) {
        spdlog::error("{} {}: unexpected error: {}", context.request.method, context.request.path, e.what());
        return error_response(
            500, "internal_error",
            {"伺服器內部錯誤，已記錄；請通知管理員", "internal error, logged; tell the administrator"});
    }
}

}  // namespace dplan::server
