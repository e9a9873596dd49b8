// People who take part in planning meetings, with their organisation and sector.
#pragma once

#include <vector>

#include "domain/meeting.hpp"
#include "storage/database.hpp"

namespace dplan {

class StakeholderRepository {
  public:
    explicit StakeholderRepository(Database& db) : db_(db) {}

    // A stakeholder of an organisation takes the organisation's sector.
    std::int64_t create(const Stakeholder& stakeholder);
    Stakeholder get(std::int64_t id);  // NotFound
    std::vector<Stakeholder> list();

  private:
    std::vector<Stakeholder> select(const char* where, long long value);

    Database& db_;
};

}  // namespace dplan
