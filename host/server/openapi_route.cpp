// GET /api/openapi.json: the API's description, docs/openapi.json as built into the binary.
#include "server/api.hpp"
#include "server/openapi_document.hpp"

namespace dplan::server {

void add_openapi_route(Router& router) {
    router.add({"GET", "/api/openapi.json", false, [](RouteContext&) {
                    ApiResponse response;
                    response.body = std::string(openapi_document());
                    return response;
                }});
}

}  // namespace dplan::server
