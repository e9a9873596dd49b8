// The collaboration server's JSON API: finds the route, signs the caller in from the bearer token,
// runs the route against the services as that user, and turns every error into one status with a
// JSON body naming the problem in both languages (docs/openapi.json describes each route).
#pragma once

#include "server/api_types.hpp"
#include "server/request_bodies.hpp"
#include "server/router.hpp"
#include "server/store_pool.hpp"
#include "services/change_watcher.hpp"
#include "services/sign_in.hpp"

namespace dplan::server {

class Api {
  public:
    // `cache`: the one the pool's connections report their writes to, or none; `watcher`: the one
    // keeping it honest, or none.
    Api(StorePool& pool, SignInPolicy policy, ReadCache* cache, ChangeWatcher* watcher);

    ApiResponse handle(const ApiRequest& request);
    const Router& router() const { return router_; }

  private:
    ApiResponse run(const Route& route, RouteContext& context);

    StorePool& pool_;
    SignInPolicy policy_;
    ReadCache* cache_;
    ChangeWatcher* watcher_;
    Router router_;
    RequestBodies bodies_;
    // Each route's body fields (bodies_), looked up once rather than per request.
    std::vector<const std::vector<std::string>*> route_body_fields_;
};

// Every route the server answers; the OpenAPI test compares it with docs/openapi.json.
Router api_router();

// The route groups, one file each.
void add_session_routes(Router& router);
void add_plan_routes(Router& router);
void add_meeting_routes(Router& router);
void add_programme_routes(Router& router);
void add_directory_routes(Router& router);
void add_audit_routes(Router& router);
void add_openapi_route(Router& router);

// The body of every error answer: {"error": {"code": ..., "message": {"zh": ..., "en": ...}}}.
ApiResponse error_response(int status, const std::string& code, const Bilingual& message);

}  // namespace dplan::server
