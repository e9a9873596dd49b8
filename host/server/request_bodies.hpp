// The fields each request body may have, as docs/openapi.json describes them (a body schema with
// "additionalProperties": false). A body with a field its route does not take is refused with a
// 400 naming the field, so a misspelt optional field ("area" for "area_id") is not silently
// dropped and the change saved without it. The document stays the one place that says so.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace dplan::server {

class RequestBodies {
  public:
    explicit RequestBodies(std::string_view openapi_json);

    // The fields a body of this route (method "POST", pattern "/api/plans/{id}/comments") may
    // have; none when the document leaves the body open or the route takes no body.
    const std::vector<std::string>* fields(const std::string& method, const std::string& pattern) const;

  private:
    std::map<std::string, std::vector<std::string>> fields_;  // "POST /api/login" -> its fields
};

// 400 `unknown_field` naming the first field of `body` that is not in `fields`, and those that are.
void refuse_unknown_fields(const nlohmann::json& body, const std::vector<std::string>& fields);

}  // namespace dplan::server
