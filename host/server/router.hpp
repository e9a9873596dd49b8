// The API's routes: method, path pattern ("/api/plans/{id}"), whether the caller must be signed
// in, and the handler. The route table is also what the OpenAPI test compares with
// docs/openapi.json, so a route cannot be added without being described.
#pragma once

#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "server/api_types.hpp"
#include "server/service_scope.hpp"

namespace dplan::server {

class RouteContext {
  public:
    // `body_fields`: the fields the body may have (server/request_bodies.hpp); none: any.
    RouteContext(const ApiRequest& request, std::map<std::string, std::string> parameters, ServiceScope& services,
                 const std::vector<std::string>* body_fields = nullptr)
        : request(request), services(services), parameters_(std::move(parameters)), body_fields_(body_fields) {}

    const ApiRequest& request;
    ServiceScope& services;

    // A path parameter as a positive whole number; 400 naming it otherwise.
    std::int64_t id(const std::string& name = "id") const;
    // A path parameter as a positive whole number that fits an int (a revision, a position).
    int number(const std::string& name) const;
    const std::string& text(const std::string& name) const;
    // A query parameter, if given.
    std::optional<std::string> query(const std::string& name) const;
    // A query parameter as a whole number, 0 or more (`fallback` when missing); 400 naming it otherwise.
    int whole_number_query(const std::string& name, int fallback) const;
    // The body as a JSON object; 400 saying where the JSON is broken, or naming a field the
    // route does not take.
    const nlohmann::json& body();
    // The If-Match header's version; 428 when it is missing, 400 when it is not a version.
    int if_match_version() const;

  private:
    std::map<std::string, std::string> parameters_;
    const std::vector<std::string>* body_fields_;
    std::optional<nlohmann::json> body_;
};

using RouteHandler = std::function<ApiResponse(RouteContext&)>;

struct Route {
    std::string method;
    std::string pattern;
    bool needs_sign_in = true;
    RouteHandler handler;
    // For routes naming one object: reads it as the caller. When the caller may not do what was
    // asked, the answer is 403 if this read succeeds and 404 if not, so the existence of what
    // the caller may not see is not given away.
    RouteHandler probe = {};
};

struct RouteMatch {
    const Route* route = nullptr;
    std::map<std::string, std::string> parameters;
    bool path_known = false;  // some route has this path, with another method (405)
};

class Router {
  public:
    void add(Route route);
    RouteMatch match(const std::string& method, const std::string& path) const;
    const std::vector<Route>& routes() const { return routes_; }

  private:
    std::vector<Route> routes_;
    std::vector<std::vector<std::string>> segments_;  // each route's pattern, split at '/'
};

// Answers in JSON.
ApiResponse json_response(const nlohmann::json& body, int status = 200);

// Field readers for request bodies: 400 naming the field and what was expected.
std::string required_string(const nlohmann::json& body, const std::string& field);
std::optional<std::string> optional_string(const nlohmann::json& body, const std::string& field);
double required_number(const nlohmann::json& body, const std::string& field);
std::optional<std::int64_t> optional_id(const nlohmann::json& body, const std::string& field);
// A positive whole number that fits an int (a revision number), if given.
std::optional<int> optional_number(const nlohmann::json& body, const std::string& field);
// A string field that must be one of `allowed` (listed in the refusal); returns it.
std::string required_choice(const nlohmann::json& body, const std::string& field,
                            const std::vector<std::string>& allowed);

}  // namespace dplan::server
