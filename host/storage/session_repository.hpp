// Sign-in sessions and failed sign-in attempts (schema 0011). Tokens are never stored, only their
// SHA-256; times are stored timestamps (domain/timestamp.hpp), compared as text.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/user.hpp"
#include "storage/database.hpp"

namespace dplan {

struct StoredSession {
    std::int64_t id = 0;
    User user;  // as the same read found it
    std::string last_seen_at;
    std::string expires_at;
    bool revoked = false;
    bool user_disabled = false;
};

class SessionRepository {
  public:
    explicit SessionRepository(Database& db) : db_(db) {}

    void create(const std::string& token_hash, std::int64_t user_id, const std::string& origin, const std::string& now,
                const std::string& expires_at);
    std::optional<StoredSession> find(const std::string& token_hash);
    void touch(std::int64_t session_id, const std::string& now);
    void revoke(const std::string& token_hash, const std::string& now);
    // Every open session of the user, at once (password change, account disabled).
    void revoke_all_of(std::int64_t user_id, const std::string& now);

    // A sign-in attempt in flight, stored (committed) before its password is checked, so that
    // attempts sent at once see each other. Returns its id, for end_attempt().
    std::int64_t start_attempt(const std::string& username, const std::string& now);
    void end_attempt(std::int64_t attempt);
    // Attempts for the username started after `since`, other than `except` (the caller's own).
    int attempts_in_flight(const std::string& username, const std::string& since, std::int64_t except);

    void record_failure(const std::string& username, const std::string& origin, const std::string& now);
    // The newest `limit` failures for the username since `since`, newest first.
    std::vector<std::string> failures_since(const std::string& username, const std::string& since, int limit);
    void clear_failures(const std::string& username);
    void forget_failures_before(const std::string& time);

  private:
    Database& db_;
};

}  // namespace dplan
