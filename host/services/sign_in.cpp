#include "services/sign_in.hpp"

#include <fmt/format.h>
#include <sodium.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <array>

#include "domain/password.hpp"
#include "domain/sha256.hpp"
#include "domain/timestamp.hpp"
#include "services/audit_trail.hpp"
#include "services/read_cache.hpp"
#include "storage/audit_log.hpp"
#include "storage/database.hpp"
#include "storage/session_repository.hpp"
#include "storage/user_repository.hpp"

namespace dplan {

namespace {

const Bilingual refused{"登入名稱或密碼不正確", "wrong username or password"};
const Bilingual not_signed_in{"未登入或登入已過期，請重新登入",
                              "not signed in, or the session has ended: sign in again"};

std::string new_token() {
    if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
    std::array<unsigned char, 32> bytes{};
    randombytes_buf(bytes.data(), bytes.size());
    std::string text(sodium_base64_ENCODED_LEN(bytes.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
    sodium_bin2base64(text.data(), text.size(), bytes.data(), bytes.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    text.resize(text.find('\0'));
    return text;
}

// Verifying against this hash when the username is unknown takes as long as a real check, so
// the answer's timing does not tell which usernames exist.
const std::string& stand_in_hash() {
    static const std::string hash = hash_password("no account has this password");
    return hash;
}

// How long an attempt in flight counts: far longer than checking a password takes, so only the
// attempt of a process that died on the way stops counting.
constexpr std::chrono::seconds attempt_lifetime{60};

std::string later(std::chrono::seconds by) { return utc_iso8601(std::chrono::system_clock::now() + by); }
std::string earlier(std::chrono::seconds by) { return utc_iso8601(std::chrono::system_clock::now() - by); }

}  // namespace

std::string session_token_hash(const std::string& token) { return sha256_hex(token); }

SignInService::SignInService(Database& db, SignInPolicy policy, ReadCache* cache)
    : db_(db), policy_(policy), cache_(cache) {}

void SignInService::refuse_if_locked(const std::string& username) {
    // Every run of max_failures failures (newest first) that fell within one window locks the
    // account until its newest + lockout; all of them are looked at, not only the newest run, so a
    // failure stored late (an attempt that was in flight when the lock began) cannot end a lock.
    const auto failures =
        SessionRepository(db_).failures_since(username, earlier(policy_.failure_window + policy_.lockout), 1000);
    const auto run = static_cast<std::size_t>(policy_.max_failures);
    std::optional<std::chrono::system_clock::time_point> until;
    for (std::size_t newest = 0; newest + run <= failures.size(); ++newest) {
        const auto first = parse_utc_iso8601(failures[newest]);
        const auto last = parse_utc_iso8601(failures[newest + run - 1]);
        if (!first || !last || *first - *last > policy_.failure_window) continue;
        if (!until || *first + policy_.lockout > *until) until = *first + policy_.lockout;
    }
    const auto now = std::chrono::system_clock::now();
    if (!until || now >= *until) return;
    const auto minutes = std::chrono::ceil<std::chrono::minutes>(*until - now).count();
    throw SignInRefused(
        {fmt::format("登入失敗次數過多，帳戶已暫時鎖定；請於 {} 分鐘後再試", minutes),
         fmt::format("too many failed sign-ins: the account is locked; try again in {} minutes", minutes)});
}

void SignInService::refuse_if_crowded(const std::string& username, std::int64_t attempt) {
    SessionRepository sessions(db_);
    // Attempts first, failures second: an attempt that turns into a failure in between (one
    // transaction) is then counted twice, never missed.
    const int in_flight = sessions.attempts_in_flight(username, earlier(attempt_lifetime), attempt);
    const auto failures = static_cast<int>(
        sessions.failures_since(username, earlier(policy_.failure_window), policy_.max_failures).size());
    // As many checks as one after another would get before the next lock: the failures still
    // missing for one, and at least one once a lock has run out (a wrong one locks again).
    if (in_flight < std::max(policy_.max_failures - failures, 1)) return;
    throw SignInRefused({"此帳戶同時有太多登入嘗試，請稍候片刻再試",
                         "too many sign-in attempts for this account at once; try again in a moment"});
}

SignInService::AttemptInFlight::AttemptInFlight(Database& db, const std::string& username)
    : db_(db), id_(SessionRepository(db).start_attempt(username, now_utc_iso8601())) {}

SignInService::AttemptInFlight::~AttemptInFlight() {
    if (ended_) return;
    try {
        SessionRepository(db_).end_attempt(id_);
    } catch (const std::exception& e) {
        // Left behind, it counts as in flight for attempt_lifetime only.
        spdlog::warn("could not remove sign-in attempt {}: {}", id_, e.what());
    }
}

void SignInService::fail(const std::string& username, const Refusal& refusal, AttemptInFlight& attempt) {
    // Counted whatever became of the session meanwhile (a wrong current password, then a sign-out):
    // otherwise a guess made just before signing out would be free.
    Database::SessionCheckPaused counted_anyway(db_);
    db_.write("record a failed sign-in", [&] {
        SessionRepository sessions(db_);
        // Failures older than a window and a lockout can no longer lock anything.
        sessions.forget_failures_before(earlier(policy_.failure_window + policy_.lockout));
        // In the same transaction: at no moment is the attempt counted neither in flight nor failed.
        sessions.record_failure(username, refusal.actor.origin, now_utc_iso8601());
        sessions.end_attempt(attempt.id());
        AuditLog(db_).record(refusal.actor, {refusal.action, "user", refusal.object_id, "{}"});
    });
    attempt.ended();
    throw SignInRefused(refusal.message);
}

SignedIn SignInService::sign_in(const std::string& username, const std::string& password, const std::string& origin) {
    // No account has a longer name (users.username is 1 to 64 characters); refusing these before
    // anything is stored keeps strangers from filling the failure table with huge names.
    if (username.empty() || username.size() > 64 || password.size() > max_password_bytes) throw SignInRefused(refused);
    refuse_if_locked(username);
    // Stored before the password is checked, and counted by every attempt checked meanwhile:
    // guesses sent at once get no more checks than guesses sent one by one.
    AttemptInFlight attempt(db_, username);
    refuse_if_crowded(username, attempt.id());
    UserRepository users(db_);
    const auto user = users.find_by_username(username);
    const auto hash = user ? users.password_hash(user->id) : std::nullopt;
    const bool matches = verify_password(hash ? *hash : stand_in_hash(), password) && hash.has_value();
    if (!user || !matches || user->role == Role::system || users.is_disabled(user->id)) {
        // No one signed in: the entry names the account tried, if there is one. What a stranger
        // typed is not kept: it may be a password typed into the wrong box, and entries last.
        fail(username,
             {{std::nullopt, user ? user->username : "(unknown account)", origin},
              "sign-in refused",
              user ? std::to_string(user->id) : "-",
              refused},
             attempt);
    }

    SignedIn signed_in{new_token(), *user, later(policy_.absolute_lifetime)};
    signed_in.user.origin = origin;
    db_.write("sign in", [&] {
        // Writes take turns: a password change that committed while this one was being checked
        // is seen here, and a session from the old password would outlive its revocation.
        if (users.password_hash(user->id) != hash) throw SignInRefused(refused);
        SessionRepository sessions(db_);
        sessions.clear_failures(username);
        sessions.end_attempt(attempt.id());
        sessions.create(session_token_hash(signed_in.token), user->id, origin, now_utc_iso8601(), signed_in.expires_at);
        record_audit(db_, signed_in.user,
                     {"sign in", "user", std::to_string(user->id),
                      changed_fields(nullptr, {{"session_expires_at", signed_in.expires_at}})});
    });
    attempt.ended();
    return signed_in;
}

User SignInService::authenticate(const std::string& token) {
    if (token.empty()) throw NotSignedIn(not_signed_in);
    return authenticate_from_database(session_token_hash(token), std::nullopt);
}

User SignInService::authenticate_for_read(const std::string& token) {
    if (token.empty()) throw NotSignedIn(not_signed_in);
    const std::string hash = session_token_hash(token);
    if (cache_ == nullptr) return authenticate_from_database(hash, std::nullopt);
    if (const auto kept = cache_->sessions().find(hash)) {
        // Active within the resolution, which is a quarter of the idle timeout at most: it has not
        // gone idle, and its activity needs no note yet.
        const std::string now = now_utc_iso8601();
        if (kept->expires_at > now && kept->last_seen_at > earlier(activity_resolution())) {
            return kept->user;
        }
    }
    return authenticate_from_database(hash, cache_->sessions().generation());
}

std::chrono::seconds SignInService::activity_resolution() const {
    // Noted at most this often, and often enough that a short idle timeout still sees a session
    // in use as in use.
    return std::min(policy_.activity_resolution, policy_.idle_timeout / 4);
}

User SignInService::authenticate_from_database(const std::string& token_hash, std::optional<std::uint64_t> keep_in) {
    SessionRepository sessions(db_);
    auto session = sessions.find(token_hash);
    const std::string now = now_utc_iso8601();
    // The write-time check (storage/database.cpp, session_signed_in_query) asks the same in SQL.
    if (!session || session->revoked || session->user_disabled || session->expires_at <= now ||
        session->last_seen_at <= earlier(policy_.idle_timeout)) {
        throw NotSignedIn(not_signed_in);
    }
    if (session->last_seen_at <= earlier(activity_resolution())) {
        sessions.touch(session->id, now);
        session->last_seen_at = now;
    }
    if (keep_in) cache_->sessions().keep(token_hash, std::make_shared<const StoredSession>(*session), *keep_in);
    return session->user;
}

void SignInService::sign_out(const std::string& token, const User& user) {
    db_.write("sign out", [&] {
        SessionRepository(db_).revoke(session_token_hash(token), now_utc_iso8601());
        record_audit(db_, user, {"sign out", "user", std::to_string(user.id), "{}"});
    });
}

void SignInService::change_own_password(const User& holder, const std::string& current_password,
                                        const std::string& new_password) {
    const std::string new_hash = hash_password(new_password);  // a new password too short: refused first
    refuse_if_locked(holder.username);
    AttemptInFlight attempt(db_, holder.username);
    refuse_if_crowded(holder.username, attempt.id());
    UserRepository users(db_);
    const auto hash = users.password_hash(holder.id);
    if (!hash || current_password.size() > max_password_bytes || !verify_password(*hash, current_password)) {
        fail(holder.username,
             {{holder.id, holder.username, holder.origin},
              "password change refused",
              std::to_string(holder.id),
              {"目前的密碼不正確，密碼沒有更改", "the current password is wrong; the password was not changed"}},
             attempt);
    }
    db_.write("change password", [&] {
        // Another change made meanwhile (writes take turns) wins; this one was checked against
        // a password that is no longer the account's.
        if (users.password_hash(holder.id) != hash) {
            throw SignInRefused({"密碼已在其他地方更改，這次更改沒有進行",
                                 "the password was changed elsewhere meanwhile; "
                                 "this change was not made"});
        }
        users.set_password_hash(holder.id, new_hash);
        SessionRepository sessions(db_);
        sessions.revoke_all_of(holder.id, now_utc_iso8601());
        sessions.clear_failures(holder.username);
        sessions.end_attempt(attempt.id());
        record_audit(db_, holder, password_change(holder));
    });
    attempt.ended();
}

}  // namespace dplan
