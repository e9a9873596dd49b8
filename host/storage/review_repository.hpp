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

    // The id the next comment gets, read as a write takes its turn (Database::write_reading): the
    // read, and the id from its row. Writes take turns, so no other write takes that id first, and
    // with the id known the comment can go with the write's COMMIT on MariaDB (a round trip less
    // while the write holds the audit log's head).
    static TurnRead next_comment_id_read();
    static std::int64_t next_comment_id_from(const std::optional<BatchRow>& row);
    // Adds `comment` under the id read above, in the same write.
    void add_comment(const ReviewComment& comment, std::int64_t id);
    std::optional<ReviewComment> find_comment(std::int64_t id);
    std::vector<ReviewComment> comments(std::int64_t plan_id);  // in the order written

    std::int64_t add_decision(const Decision& decision);
    std::vector<Decision> decisions(std::int64_t plan_id);

  private:
    std::vector<ReviewComment> select_comments(const std::string& where, long long key);

    Database& db_;
};

}  // namespace dplan
