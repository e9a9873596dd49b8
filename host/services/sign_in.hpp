// Signing in to the collaboration server. A sign-in checks the argon2id hash and answers with an
// opaque random token (256 bits); only the token's SHA-256 is stored, with an idle timeout and an
// absolute expiry. Failed attempts are counted in the database, so every server process sees
// them: after `max_failures` within `failure_window` the account is locked for `lockout`.
// The same answer is given for an unknown user, a wrong password, a disabled or locked account,
// so the answer does not tell an attacker which accounts exist.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

#include "domain/audit_entry.hpp"
#include "domain/error.hpp"
#include "domain/user.hpp"

namespace dplan {

class Database;
class ReadCache;

struct SignInPolicy {
    int max_failures = 5;
    std::chrono::seconds failure_window{15 * 60};
    std::chrono::seconds lockout{15 * 60};
    std::chrono::seconds idle_timeout{30 * 60};
    std::chrono::seconds absolute_lifetime{12 * 60 * 60};
    // A session's last activity is written at most this often, so reads do not each write.
    std::chrono::seconds activity_resolution{60};
};

// The sign-in failed; the message does not say why (see above), except for a locked account.
class SignInRefused : public Error {
    using Error::Error;
};

struct SignedIn {
    std::string token;  // shown once; the holder sends it as "Authorization: Bearer TOKEN"
    User user;
    std::string expires_at;
};

class SignInService {
  public:
    // With a `cache`, reads may find a session there (services/read_cache.hpp).
    SignInService(Database& db, SignInPolicy policy, ReadCache* cache = nullptr);

    // `origin` is where the attempt came from (the client's address), kept with failures.
    SignedIn sign_in(const std::string& username, const std::string& password, const std::string& origin);
    // The user a token acts as, from the database; notes the activity that keeps it from going
    // idle. For requests that change something.
    User authenticate(const std::string& token);
    // The same for a request that only reads: a session found in the cache is taken as it is
    // while it has not expired and its activity needs no note yet. Another process's sign-out,
    // password change or disabling reaches the cache through the change watcher, within its
    // check interval; this process's own at once.
    User authenticate_for_read(const std::string& token);
    // Ends the session of `token`, which `user` (its holder) signed in with.
    void sign_out(const std::string& token, const User& user);
    // The signed-in `holder` (origin set) changes their own password; every session of theirs
    // ends. The current password is checked as a sign-in checks it: a locked account cannot, a
    // wrong one counts towards the lockout (whoever holds a stolen token guesses no faster than
    // at the sign-in page), and guesses sent at once get no more checks. Throws SignInRefused.
    void change_own_password(const User& holder, const std::string& current_password, const std::string& new_password);

  private:
    // `keep_in`: the cache generation to keep the session in, read before the session was.
    User authenticate_from_database(const std::string& token_hash, std::optional<std::uint64_t> keep_in);
    std::chrono::seconds activity_resolution() const;
    // A sign-in attempt's row (storage: sign_in_attempts) while its password is checked. Removed
    // however the attempt ends; the writes that record its outcome remove it themselves and say
    // so with ended().
    class AttemptInFlight {
      public:
        AttemptInFlight(Database& db, const std::string& username);
        ~AttemptInFlight();
        AttemptInFlight(const AttemptInFlight&) = delete;
        AttemptInFlight& operator=(const AttemptInFlight&) = delete;
        std::int64_t id() const { return id_; }
        void ended() { ended_ = true; }

      private:
        Database& db_;
        std::int64_t id_;
        bool ended_ = false;
    };

    // Throws SignInRefused when the failures stored lock the account. Attempts in flight never
    // lock it (nor end a lock): they may yet succeed.
    void refuse_if_locked(const std::string& username);
    // Throws SignInRefused ("try again in a moment") when the other attempts in flight already
    // take the checks left before the next lock: no more passwords are checked at once than one
    // after another.
    void refuse_if_crowded(const std::string& username, std::int64_t attempt);
    // What a refused password check records and answers.
    struct Refusal {
        AuditActor actor;
        std::string action;     // the audit entry's
        std::string object_id;  // the account's id, "-" for an unknown name
        Bilingual message;
    };
    // Records the failure and ends `attempt` in one write, then throws SignInRefused.
    [[noreturn]] void fail(const std::string& username, const Refusal& refusal, AttemptInFlight& attempt);

    Database& db_;
    SignInPolicy policy_;
    ReadCache* cache_;
};

// SHA-256 of a session token, as 64 hex digits: what the sessions table keeps.
std::string session_token_hash(const std::string& token);

}  // namespace dplan
