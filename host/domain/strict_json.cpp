#include "domain/strict_json.hpp"

#include <fmt/format.h>

#include <unordered_set>
#include <vector>

#include "domain/text_opening.hpp"

namespace dplan {

nlohmann::json parse_strict_json(std::string_view text) {
    using Event = nlohmann::json::parse_event_t;
    std::vector<std::unordered_set<std::string>> open_objects;  // the keys each one has so far
    const auto check = [&](int depth, Event event, nlohmann::json& parsed) {
        const bool opens = event == Event::object_start || event == Event::array_start;
        if (opens && depth >= strict_json_deepest) {  // depth: the containers around this one
            throw StrictJsonRefused({fmt::format("JSON 的巢狀層數超過 {} 層", strict_json_deepest),
                                     fmt::format("the JSON is nested deeper than {} levels", strict_json_deepest)});
        }
        if (event == Event::object_start) {
            open_objects.emplace_back();
        } else if (event == Event::object_end) {
            open_objects.pop_back();
        } else if (event == Event::key && !open_objects.back().insert(parsed.get<std::string>()).second) {
            const auto key = opening(parsed.get<std::string>(), 64);
            throw StrictJsonRefused({fmt::format("JSON 的同一個物件內，鍵「{}」出現了兩次", key),
                                     fmt::format("the key \"{}\" appears twice in one JSON object", key)});
        }
        return true;
    };
    return nlohmann::json::parse(text, check);
}

}  // namespace dplan
