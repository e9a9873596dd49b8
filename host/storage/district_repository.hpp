// Districts: the areas a welfare office plans for.
#pragma once

#include <optional>
#include <vector>

#include "domain/district.hpp"
#include "storage/database.hpp"

namespace dplan {

class DistrictRepository {
public:
    explicit DistrictRepository(Database& db) : db_(db) {}

    // Throws InvalidInput when the code is empty or already taken.
    std::int64_t create(const District& district);
    std::optional<District> find_by_code(const std::string& code);
    District get_by_code(const std::string& code);  // throws NotFound naming the code
    std::optional<District> find_by_chinese_name(const std::string& name_zh);
    std::optional<District> find_by_english_name(const std::string& name_en);
    District get(std::int64_t id);
    std::vector<District> list();

private:
    std::optional<District> find_by(const char* column, const std::string& value);

    Database& db_;
};

}  // namespace dplan
