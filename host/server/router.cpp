#include "server/router.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <charconv>
#include <limits>

#include "domain/strict_json.hpp"
#include "server/api_error.hpp"
#include "server/request_bodies.hpp"
#include "server/request_target.hpp"

namespace dplan::server {

namespace {

std::vector<std::string> split_path(const std::string& path) {
    std::vector<std::string> parts;
    std::size_t start = 1;
    while (start <= path.size()) {
        const auto end = path.find('/', start);
        parts.push_back(path.substr(start, end == std::string::npos ? std::string::npos : end - start));
        if (end == std::string::npos) break;
        start = end + 1;
    }
    return parts;
}

bool is_parameter(const std::string& segment) {
    return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

// `have`: the request's path, split and decoded once for all routes.
bool matches(const std::vector<std::string>& want, const std::vector<std::string>& have) {
    if (want.size() != have.size()) return false;
    for (std::size_t i = 0; i < want.size(); ++i) {
        if (is_parameter(want[i]) ? have[i].empty() : want[i] != have[i]) return false;
    }
    return true;
}

std::map<std::string, std::string> parameters_of(const std::vector<std::string>& want,
                                                 const std::vector<std::string>& have) {
    std::map<std::string, std::string> parameters;
    for (std::size_t i = 0; i < want.size(); ++i) {
        if (is_parameter(want[i])) parameters[want[i].substr(1, want[i].size() - 2)] = have[i];
    }
    return parameters;
}

ApiError bad_field(const std::string& field, const std::string& expected_zh, const std::string& expected_en) {
    return ApiError(400, "invalid_field",
                    {fmt::format("欄位「{}」須為{}", field, expected_zh),
                     fmt::format("field '{}' must be {}", field, expected_en)});
}

// A NUL in text is never meant (and SQLite would store a shorter string than was sent).
std::string checked_text(const std::string& field, std::string text) {
    if (text.find('\0') != std::string::npos) {
        throw ApiError(400, "invalid_field",
                       {fmt::format("欄位「{}」含有空字元（\\u0000）", field),
                        fmt::format("field '{}' contains a NUL character (\\u0000)", field)});
    }
    return text;
}

}  // namespace

void Router::add(Route route) {
    segments_.push_back(split_path(route.pattern));
    routes_.push_back(std::move(route));
}

RouteMatch Router::match(const std::string& method, const std::string& path) const {
    auto have = split_path(path);
    for (auto& segment : have) segment = decode_path_segment(segment);
    RouteMatch result;
    for (std::size_t i = 0; i < routes_.size(); ++i) {
        if (!matches(segments_[i], have)) continue;
        result.path_known = true;
        if (routes_[i].method == method) {
            result.route = &routes_[i];
            result.parameters = parameters_of(segments_[i], have);
            return result;
        }
    }
    return result;
}

std::int64_t RouteContext::id(const std::string& name) const {
    const std::string& value = text(name);
    std::int64_t number = 0;
    const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), number);
    if (error != std::errc() || end != value.data() + value.size() || number <= 0) {
        throw ApiError(400, "invalid_path",
                       {fmt::format("路徑中的 {} 須為正整數，收到「{}」", name, value),
                        fmt::format("{} in the path must be a positive whole number, not '{}'", name, value)});
    }
    return number;
}

int RouteContext::number(const std::string& name) const {
    const auto number = id(name);
    if (number > std::numeric_limits<int>::max()) {
        throw ApiError(400, "invalid_path",
                       {fmt::format("路徑中的 {} 太大：{}", name, number),
                        fmt::format("{} in the path is too large: {}", name, number)});
    }
    return static_cast<int>(number);
}

const std::string& RouteContext::text(const std::string& name) const { return parameters_.at(name); }

std::optional<std::string> RouteContext::query(const std::string& name) const {
    const auto found = request.query.find(name);
    if (found == request.query.end()) return std::nullopt;
    return found->second;
}

int RouteContext::whole_number_query(const std::string& name, int fallback) const {
    const auto value = query(name);
    if (!value) return fallback;
    try {
        std::size_t used = 0;
        const int number = std::stoi(*value, &used);
        if (used == value->size() && number >= 0) return number;
    } catch (const std::exception&) {
    }
    throw ApiError(400, "invalid_query",
                   {fmt::format("查詢參數 {} 須為非負整數，收到「{}」", name, *value),
                    fmt::format("query parameter {} must be a whole number, 0 or more, not '{}'", name, *value)});
}

const nlohmann::json& RouteContext::body() {
    if (body_) return *body_;
    try {
        body_ = parse_strict_json(request.body);
    } catch (const StrictJsonRefused& e) {
        throw ApiError(400, "invalid_json", e.message());
    } catch (const nlohmann::json::parse_error& e) {
        throw ApiError(400, "invalid_json",
                       {fmt::format("請求內容不是有效的 JSON（第 {} 個位元組附近）", e.byte),
                        fmt::format("the request body is not valid JSON (near byte {})", e.byte)});
    }
    if (!body_->is_object()) {
        throw ApiError(400, "invalid_json", {"請求內容須為 JSON 物件", "the request body must be a JSON object"});
    }
    if (body_fields_) refuse_unknown_fields(*body_, *body_fields_);
    return *body_;
}

int RouteContext::if_match_version() const {
    if (request.if_match.empty()) {
        throw ApiError(428, "if_match_required",
                       {"更改須附上 If-Match 標頭，註明你所看到的版本（取自 ETag）",
                        "an update needs an If-Match header with the version you saw (from the ETag)"});
    }
    std::string value = request.if_match;
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') value = value.substr(1, value.size() - 2);
    int version = 0;
    const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), version);
    if (error != std::errc() || end != value.data() + value.size() || version <= 0) {
        throw ApiError(
            400, "invalid_if_match",
            {fmt::format("If-Match 須為 ETag 所給的版本，例如 \"3\"，收到「{}」", request.if_match),
             fmt::format("If-Match must be a version from an ETag, such as \"3\", not '{}'", request.if_match)});
    }
    return version;
}

ApiResponse json_response(const nlohmann::json& body, int status) {
    ApiResponse response;
    response.status = status;
    // Text that is not valid UTF-8 (echoed from a request into a message) is replaced, not thrown.
    response.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return response;
}

std::string required_string(const nlohmann::json& body, const std::string& field) {
    const auto found = body.find(field);
    if (found == body.end()) {
        throw ApiError(400, "missing_field",
                       {fmt::format("缺少欄位「{}」", field), fmt::format("field '{}' is missing", field)});
    }
    if (!found->is_string()) throw bad_field(field, "文字", "a string");
    return checked_text(field, found->get<std::string>());
}

std::optional<std::string> optional_string(const nlohmann::json& body, const std::string& field) {
    const auto found = body.find(field);
    if (found == body.end() || found->is_null()) return std::nullopt;
    if (!found->is_string()) throw bad_field(field, "文字", "a string");
    return checked_text(field, found->get<std::string>());
}

double required_number(const nlohmann::json& body, const std::string& field) {
    const auto found = body.find(field);
    if (found == body.end()) {
        throw ApiError(400, "missing_field",
                       {fmt::format("缺少欄位「{}」", field), fmt::format("field '{}' is missing", field)});
    }
    if (!found->is_number()) throw bad_field(field, "數字", "a number");
    return found->get<double>();
}

std::optional<std::int64_t> optional_id(const nlohmann::json& body, const std::string& field) {
    const auto found = body.find(field);
    if (found == body.end() || found->is_null()) return std::nullopt;
    if (!found->is_number_integer() || found->get<std::int64_t>() <= 0)
        throw bad_field(field, "正整數", "a positive whole number");
    return found->get<std::int64_t>();
}

std::optional<int> optional_number(const nlohmann::json& body, const std::string& field) {
    const auto number = optional_id(body, field);
    if (number && *number > std::numeric_limits<int>::max()) {
        throw bad_field(field, fmt::format("不大於 {} 的正整數", std::numeric_limits<int>::max()),
                        fmt::format("a positive whole number no larger than {}", std::numeric_limits<int>::max()));
    }
    if (!number) return std::nullopt;
    return static_cast<int>(*number);
}

std::string required_choice(const nlohmann::json& body, const std::string& field,
                            const std::vector<std::string>& allowed) {
    std::string value = required_string(body, field);
    if (std::find(allowed.begin(), allowed.end(), value) == allowed.end()) {
        throw ApiError(400, "invalid_field",
                       {fmt::format("欄位「{}」須為 {} 之一，收到「{}」", field, fmt::join(allowed, "、"), value),
                        fmt::format("field '{}' must be one of {}, not '{}'", field, fmt::join(allowed, ", "), value)});
    }
    return value;
}

}  // namespace dplan::server
