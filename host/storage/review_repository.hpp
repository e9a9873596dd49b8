// Review comments and committee decisions. Only inserts: nothing here is updated or deleted.
#pragma once

#include <optional>
#include <vector>

#include "domain/review.hpp"
#include "storage/database.hpp"

namespace dplan {

class ReviewRepository {
  public:
    explicit ReviewRepository(Database& db) : db_(db) {}

    std::int64_t add_comment(const ReviewComment& comment);
    std::optional<ReviewComment> find_comment(std::int64_t id);
    std::vector<ReviewComment> comments(std::int64_t plan_id);  // in the order written

    std::int64_t add_decision(const Decision& decision);
    std::vector<Decision> decisions(std::int64_t plan_id);

  private:
    std::vector<ReviewComment> select_comments(const std::string& where, long long key);

    Database& db_;
};

}  // namespace dplan
