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
    // A district as a paper or a user names it: its code, its Chinese name with or without the
    // final 區 (荃灣 / 荃灣區; 北區 and 東區 keep theirs), or its English name.
    std::optional<District> find_by_name(const std::string& name);
    // Changes the names, council, committee and office; the code stays. NotFound for no such id.
    void update(const District& district);
    District get(std::int64_t id);
    std::vector<District> list();

  private:
    std::optional<District> find_by(const char* column, const std::string& value);

    Database& db_;
};

}  // namespace dplan
