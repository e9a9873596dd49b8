#include "server/request_bodies.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cctype>

#include "domain/text_opening.hpp"
#include "server/api_error.hpp"

namespace dplan::server {

namespace {

// The schema itself, or the one a "$ref": "#/components/schemas/Name" points to.
const nlohmann::json& resolved(const nlohmann::json& document, const nlohmann::json& schema) {
    constexpr std::string_view prefix = "#/components/schemas/";
    const auto ref = schema.find("$ref");
    if (ref == schema.end() || !ref->is_string()) return schema;
    const auto& target = ref->get_ref<const std::string&>();
    if (!target.starts_with(prefix)) return schema;
    return document.at("components").at("schemas").at(target.substr(prefix.size()));
}

std::string upper(std::string text) {
    std::ranges::transform(text, text.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return text;
}

}  // namespace

RequestBodies::RequestBodies(std::string_view openapi_json) {
    const auto document = nlohmann::json::parse(openapi_json);
    for (const auto& [pattern, operations] : document.at("paths").items()) {
        for (const auto& [method, operation] : operations.items()) {
            const auto body = operation.find("requestBody");
            if (body == operation.end()) continue;
            const auto json = body->at("content").find("application/json");
            if (json == body->at("content").end()) continue;
            const auto& schema = resolved(document, json->at("schema"));
            if (schema.value("additionalProperties", true) != false) continue;
            auto& fields = fields_[upper(method) + " " + pattern];
            for (const auto& [field, ignored] : schema.at("properties").items()) fields.push_back(field);
        }
    }
}

const std::vector<std::string>* RequestBodies::fields(const std::string& method, const std::string& pattern) const {
    const auto found = fields_.find(method + " " + pattern);
    return found == fields_.end() ? nullptr : &found->second;
}

void refuse_unknown_fields(const nlohmann::json& body, const std::vector<std::string>& fields) {
    for (const auto& [field, ignored] : body.items()) {
        if (std::ranges::find(fields, field) != fields.end()) continue;
        const auto expected = fmt::format("{}", fmt::join(fields, ", "));
        const auto name = opening(field, 64);  // a megabyte of name does not come back twice
        throw ApiError(400, "unknown_field",
                       {fmt::format("這項要求沒有欄位「{}」；可用的欄位：{}", name, expected),
                        fmt::format("this request takes no field '{}'; its fields are: {}", name, expected)});
    }
}

}  // namespace dplan::server
