#include "storage/session_repository.hpp"

#include "storage/user_row.hpp"

namespace dplan {

void SessionRepository::create(const std::string& token_hash, std::int64_t user_id, const std::string& origin,
                               const std::string& now, const std::string& expires_at) {
    const long long user = user_id;
    db_.write("start session", [&] {
        db_.session() << "INSERT INTO sessions (token_hash, user_id, origin, created_at, last_seen_at, expires_at) "
                         "VALUES (:hash, :user, :origin, :created, :seen, :expires)",
            soci::use(token_hash), soci::use(user), soci::use(origin), soci::use(now), soci::use(now),
            soci::use(expires_at);
    });
}

namespace {

// Every signed-in request looks its session up, with its user in the same round trip: kept
// prepared.
struct SessionByToken final : KeptStatement {
    std::string token_hash;
    long long id = 0;
    int disabled = 0;
    std::string last_seen_at, expires_at, revoked_at;
    soci::indicator revoked_flag = soci::i_ok;
    UserRow user;
    soci::statement statement;
    explicit SessionByToken(soci::session& session) : statement(session) {
        statement.exchange(soci::use(token_hash));
        statement.exchange(soci::into(id));
        statement.exchange(soci::into(last_seen_at));
        statement.exchange(soci::into(expires_at));
        statement.exchange(soci::into(revoked_at, revoked_flag));
        statement.exchange(soci::into(disabled));
        user.bind(statement);
        statement.alloc();
        statement.prepare("SELECT s.id, s.last_seen_at, s.expires_at, s.revoked_at, u.disabled, " +
                          UserRow::columns("u.") +
                          " FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = :hash");
        statement.define_and_bind();
    }
};

}  // namespace

std::optional<StoredSession> SessionRepository::find(const std::string& token_hash) {
    return db_.read("find session", [&]() -> std::optional<StoredSession> {
        auto& query = db_.kept<SessionByToken>();
        query.token_hash = token_hash;
        if (!db_.run_kept(query.statement)) return std::nullopt;
        StoredSession found;
        found.id = query.id;
        found.user = query.user.to_user();
        found.last_seen_at = query.last_seen_at;
        found.expires_at = query.expires_at;
        found.revoked = query.revoked_flag == soci::i_ok;
        found.user_disabled = query.disabled != 0;
        return found;
    });
}

void SessionRepository::touch(std::int64_t session_id, const std::string& now) {
    const long long id = session_id;
    db_.bookkeeping_write("note session activity", [&] {
        db_.session() << "UPDATE sessions SET last_seen_at = :now WHERE id = :id", soci::use(now), soci::use(id);
    });
}

void SessionRepository::revoke(const std::string& token_hash, const std::string& now) {
    db_.write("end session", [&] {
        db_.session() << "UPDATE sessions SET revoked_at = :now WHERE token_hash = :hash AND revoked_at IS NULL",
            soci::use(now), soci::use(token_hash);
    });
}

void SessionRepository::revoke_all_of(std::int64_t user_id, const std::string& now) {
    const long long user = user_id;
    db_.write("end the user's sessions", [&] {
        db_.session() << "UPDATE sessions SET revoked_at = :now WHERE user_id = :user AND revoked_at IS NULL",
            soci::use(now), soci::use(user);
    });
}

std::int64_t SessionRepository::start_attempt(const std::string& username, const std::string& now) {
    // Bookkeeping: the attempt's outcome (signed in, or refused) is what the audit log records.
    return db_.bookkeeping_write("note a sign-in attempt", [&] {
        db_.session() << "INSERT INTO sign_in_attempts (username, started_at) VALUES (:name, :at)", soci::use(username),
            soci::use(now);
        long long id = 0;
        db_.session().get_last_insert_id("sign_in_attempts", id);
        return static_cast<std::int64_t>(id);
    });
}

void SessionRepository::end_attempt(std::int64_t attempt) {
    const long long id = attempt;
    db_.bookkeeping_write("end a sign-in attempt",
                          [&] { db_.session() << "DELETE FROM sign_in_attempts WHERE id = :id", soci::use(id); });
}

int SessionRepository::attempts_in_flight(const std::string& username, const std::string& since, std::int64_t except) {
    const long long except_id = except;
    return db_.read("count sign-in attempts", [&] {
        int count = 0;
        db_.session() << "SELECT COUNT(*) FROM sign_in_attempts WHERE username = :name AND started_at > :since "
                         "AND id <> :except",
            soci::use(username), soci::use(since), soci::use(except_id), soci::into(count);
        return count;
    });
}

void SessionRepository::record_failure(const std::string& username, const std::string& origin, const std::string& now) {
    db_.write("record a failed sign-in", [&] {
        db_.session() << "INSERT INTO sign_in_failures (username, origin, failed_at) VALUES (:name, :origin, :at)",
            soci::use(username), soci::use(origin), soci::use(now);
    });
}

std::vector<std::string> SessionRepository::failures_since(const std::string& username, const std::string& since,
                                                           int limit) {
    return db_.read("count failed sign-ins", [&] {
        std::vector<std::string> times;
        soci::rowset<std::string> rows =
            (db_.session().prepare << "SELECT failed_at FROM sign_in_failures WHERE username = :name AND "
                                      "failed_at > :since ORDER BY failed_at DESC LIMIT :limit",
             soci::use(username), soci::use(since), soci::use(limit));
        for (const auto& time : rows) times.push_back(time);
        return times;
    });
}

void SessionRepository::clear_failures(const std::string& username) {
    db_.write("forget failed sign-ins",
              [&] { db_.session() << "DELETE FROM sign_in_failures WHERE username = :name", soci::use(username); });
}

void SessionRepository::forget_failures_before(const std::string& time) {
    db_.bookkeeping_write("forget old failed sign-ins", [&] {
        db_.session() << "DELETE FROM sign_in_failures WHERE failed_at < :time", soci::use(time);
        // Attempts of a process that died on the way: long since ignored.
        db_.session() << "DELETE FROM sign_in_attempts WHERE started_at < :time", soci::use(time);
    });
}

}  // namespace dplan
