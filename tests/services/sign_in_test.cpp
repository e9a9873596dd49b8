// Signing in on SQLite and MariaDB, around the lockout: attempts in flight (stored before their
// password is checked) limit how many are checked at once, but never lock an account nor end a
// lock; a correct password is never counted as a failure, even when the database fails on the way.
#include "services/sign_in.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <mutex>
#include <thread>

#include "domain/password.hpp"
#include "domain/timestamp.hpp"
#include "services/account_service.hpp"
#include "services/audit_trail.hpp"
#include "services/district_service.hpp"
#include "storage/session_repository.hpp"
#include "storage/user_repository.hpp"
#include "support/arrange.hpp"
#include "support/backend_test.hpp"
#include "support/sample_plan.hpp"

namespace dplan {
namespace {

using namespace std::chrono_literals;

class SignInTest : public testing::BackendTest {
  protected:
    void SetUp() override {
        BackendTest::SetUp();
        if (IsSkipped() || HasFatalFailure()) return;
        migrate();
        User user{0,
                  "officer.sign",
                  "officer.sign",
                  Role::officer,
                  testing::create_sample_district(db()),
                  std::nullopt,
                  "192.0.2.1"};
        AccountService(db(), system_user()).add_user(user, password);
    }

    // The message a refused sign-in gives, or "signed in".
    std::string try_sign_in(const std::string& typed, SignInPolicy policy = {}) {
        try {
            SignInService(db(), policy).sign_in("officer.sign", typed, "192.0.2.9");
            return "signed in";
        } catch (const SignInRefused& e) {
            return e.message().en;
        }
    }

    void store_failure(std::chrono::seconds ago) {
        const auto at = utc_iso8601(std::chrono::system_clock::now() - ago);
        testing::arrange(db(), [&] { SessionRepository(db()).record_failure("officer.sign", "192.0.2.9", at); });
    }

    int rows(const std::string& table) {
        int count = 0;
        db().session() << "SELECT COUNT(*) FROM " + table, soci::into(count);
        return count;
    }

    const std::string password = "a long enough password";
};

TEST_P(SignInTest, AttemptsInFlightAskForAMomentAndNeverLockTheAccount) {
    SessionRepository sessions(db());
    std::vector<std::int64_t> in_flight;
    for (int i = 0; i < 5; ++i) in_flight.push_back(sessions.start_attempt("officer.sign", now_utc_iso8601()));
    EXPECT_EQ(try_sign_in(password), "too many sign-in attempts for this account at once; try again in a moment");
    EXPECT_EQ(rows("sign_in_failures"), 0) << "asking for a moment is not a failure";
    for (const auto id : in_flight) sessions.end_attempt(id);
    EXPECT_EQ(try_sign_in(password), "signed in");
    EXPECT_EQ(rows("sign_in_attempts"), 0);
}

TEST_P(SignInTest, FailuresAndAttemptsInFlightTogetherGetNoMoreChecksThanTheLimit) {
    for (int i = 0; i < 3; ++i) store_failure(1min);
    SessionRepository sessions(db());
    const auto first = sessions.start_attempt("officer.sign", now_utc_iso8601());
    EXPECT_EQ(try_sign_in("wrong guess"), "wrong username or password") << "3 failed, 1 in flight: a fifth check";
    const auto second = sessions.start_attempt("officer.sign", now_utc_iso8601());
    EXPECT_EQ(try_sign_in("another guess"), "too many sign-in attempts for this account at once; try again in a moment")
        << "4 failed, 1 in flight: a sixth check would be one too many";
    sessions.end_attempt(first);
    sessions.end_attempt(second);
}

// Failures at 17, 16 and three at 7 minutes ago lock the account until 8 minutes from now. The
// newest attempts, in flight, must not push the oldest failure out of the lock's count.
TEST_P(SignInTest, AttemptsInFlightDoNotEndALock) {
    store_failure(17min);
    store_failure(16min);
    for (int i = 0; i < 3; ++i) store_failure(7min);
    SessionRepository sessions(db());
    const auto other = sessions.start_attempt("officer.sign", now_utc_iso8601());
    const auto locked = try_sign_in(password);
    EXPECT_NE(locked.find("the account is locked; try again in 8 minutes"), std::string::npos) << locked;
    sessions.end_attempt(other);
    EXPECT_EQ(rows("sign_in_failures"), 5) << "tries while locked are not failures";
    EXPECT_EQ(rows("sign_in_attempts"), 0) << "and leave no attempt behind";
}

// The database fails after the attempt was stored (here: the sessions table is gone while the
// session would be written). The right password was typed: no failure may remain.
TEST_P(SignInTest, ACorrectPasswordIsNeverCountedAsAFailureWhenTheDatabaseFails) {
    db().session() << "ALTER TABLE sessions RENAME TO sessions_away";
    for (int i = 0; i < 6; ++i) EXPECT_THROW(try_sign_in(password), StorageError);
    db().session() << "ALTER TABLE sessions_away RENAME TO sessions";
    EXPECT_EQ(rows("sign_in_failures"), 0);
    EXPECT_EQ(rows("sign_in_attempts"), 0);
    EXPECT_EQ(try_sign_in(password), "signed in");
}

// A lockout shorter than the window: once it has run out the owner signs in, although the
// failures that caused it still lie within the window.
TEST_P(SignInTest, ALockThatHasRunOutLetsTheOwnerInWithinTheWindow) {
    SignInPolicy policy;
    policy.failure_window = 120s;
    policy.lockout = 20s;
    for (int i = 0; i < 5; ++i) store_failure(60s);
    EXPECT_EQ(try_sign_in(password, policy), "signed in");
}

// Failures at 126, 125, 124, 123 and 64 seconds ago locked the account (window 120 s, lockout
// 600 s). A failure stored now, by an attempt that was in flight all along, makes the newest five
// span more than a window; the lock that began 64 seconds ago still holds.
TEST_P(SignInTest, AFailureStoredLateDoesNotEndALock) {
    SignInPolicy policy;
    policy.failure_window = 120s;
    policy.lockout = 600s;
    for (const auto ago : {126s, 125s, 124s, 123s, 64s, 0s}) store_failure(ago);
    const auto answer = try_sign_in(password, policy);
    EXPECT_NE(answer.find("the account is locked; try again in 9 minutes"), std::string::npos) << answer;
}

// A stolen session token is no shortcut to the password: wrong current passwords given to a
// password change count as failed sign-ins, and lock the account for both.
TEST_P(SignInTest, WrongCurrentPasswordsToAPasswordChangeCountTowardsTheLock) {
    const SignedIn holder = SignInService(db(), {}).sign_in("officer.sign", password, "192.0.2.9");
    const auto change = [&](const std::string& current) {
        try {
            SignInService(db(), {}).change_own_password(holder.user, current, "a brand new password");
            return std::string("changed");
        } catch (const SignInRefused& e) {
            return e.message().en;
        }
    };
    for (int i = 0; i < 4; ++i) {
        EXPECT_EQ(change("guess " + std::to_string(i)), "the current password is wrong; the password was not changed");
    }
    EXPECT_EQ(rows("sign_in_failures"), 4);
    EXPECT_EQ(try_sign_in("a fifth guess"), "wrong username or password");
    EXPECT_EQ(change(password), "too many failed sign-ins: the account is locked; try again in 15 minutes")
        << "the right password, after five failures";
    EXPECT_EQ(try_sign_in(password), "too many failed sign-ins: the account is locked; try again in 15 minutes");
    EXPECT_EQ(rows("sign_in_attempts"), 0);
    EXPECT_EQ(UserRepository(db()).password_hash(holder.user.id).has_value(), true);
    EXPECT_TRUE(verify_password(*UserRepository(db()).password_hash(holder.user.id), password))
        << "the password is unchanged";
}

// Guesses sent at once through password changes get no more checks than through sign-ins.
TEST_P(SignInTest, APasswordChangeWaitsItsTurnBehindAttemptsInFlight) {
    const SignedIn holder = SignInService(db(), {}).sign_in("officer.sign", password, "192.0.2.9");
    SessionRepository sessions(db());
    std::vector<std::int64_t> in_flight;
    for (int i = 0; i < 5; ++i) in_flight.push_back(sessions.start_attempt("officer.sign", now_utc_iso8601()));
    EXPECT_THROW(SignInService(db(), {}).change_own_password(holder.user, password, "a brand new password"),
                 SignInRefused);
    for (const auto id : in_flight) sessions.end_attempt(id);
    SignInService(db(), {}).change_own_password(holder.user, password, "a brand new password");
    EXPECT_EQ(try_sign_in(password), "wrong username or password") << "the old password no longer signs in";
    EXPECT_EQ(try_sign_in("a brand new password"), "signed in");
}

// Sign-ins with the old password that were being checked while the password changed must not
// leave a session behind the change's revocation (the sign-in's write looks at the password again).
TEST_P(SignInTest, NoSessionFromTheOldPasswordOutlivesAChange) {
    const SignedIn holder = SignInService(db(), {}).sign_in("officer.sign", password, "192.0.2.9");
    SignInPolicy many;
    many.max_failures = 1000;  // the race, not the lockout, is what is looked at
    std::vector<std::string> old_tokens;
    std::mutex tokens_mutex;
    std::atomic<bool> stop{false};
    std::vector<std::unique_ptr<Database>> connections;
    for (int i = 0; i < 3; ++i) connections.push_back(test_database().open_another());
    std::vector<std::thread> signers;
    for (auto& connection : connections) {
        signers.emplace_back([&, own = connection.get()] {
            while (!stop) {
                try {
                    auto in = SignInService(*own, many).sign_in("officer.sign", password, "192.0.2.7");
                    std::lock_guard lock(tokens_mutex);
                    old_tokens.push_back(in.token);
                } catch (const Error&) {
                }
            }
        });
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    SignInService(db(), many).change_own_password(holder.user, password, "a brand new password");
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    stop = true;
    for (auto& signer : signers) signer.join();
    ASSERT_FALSE(old_tokens.empty()) << "no sign-in ran before the change";
    for (const auto& token : old_tokens) {
        EXPECT_THROW(SignInService(db(), many).authenticate(token), NotSignedIn);
    }
}

// A write checks its session again once it has its turn (Database::check_session_on_write): a
// request signed in just before a sign-out or `user disable` committed elsewhere is not saved
// after it. Found by an outsider's race: the write landed after the disabling in the audit log.
TEST_P(SignInTest, AWriteWhoseSessionEndedWhileItWaitedIsNotSaved) {
    auto request = test_database().open_another();  // the connection a server request writes on
    const auto write_for = [&](const SignedIn& in, std::chrono::seconds idle_timeout = 1800s) {
        request->check_session_on_write(Database::SessionToCheck{session_token_hash(in.token), idle_timeout});
        request->write("add a note", [&] { record_audit(*request, in.user, {"add note", "plan", "1", "{}"}); });
    };
    const SignedIn first = SignInService(db(), {}).sign_in("officer.sign", password, "192.0.2.9");
    write_for(first);
    const int entries = rows("audit_log");

    SignInService(db(), {}).sign_out(first.token, first.user);  // elsewhere, before the write's turn
    EXPECT_THROW(write_for(first), NotSignedIn);
    EXPECT_EQ(rows("audit_log"), entries + 1) << "only the sign-out was saved";

    // Idle for longer than a session may be: ended, though nothing revoked it.
    const SignedIn second = SignInService(db(), {}).sign_in("officer.sign", password, "192.0.2.9");
    const int before_idle = rows("audit_log");
    EXPECT_THROW(write_for(second, 0s), NotSignedIn);
    EXPECT_EQ(rows("audit_log"), before_idle);

    AccountService(db(), system_user()).disable("officer.sign");
    const int after_disabling = rows("audit_log");
    EXPECT_THROW(write_for(second), NotSignedIn);
    EXPECT_EQ(rows("audit_log"), after_disabling);

    request->check_session_on_write(std::nullopt);  // direct database mode: no session to check
    request->write("add a note", [&] { record_audit(*request, system_user(), {"add note", "plan", "1", "{}"}); });
    EXPECT_EQ(rows("audit_log"), after_disabling + 1);
}

// A wrong current password is counted even when the session ends before the count is written
// (found by an outsider: a guess sent just before signing out was free, its attempt left behind).
TEST_P(SignInTest, AWrongCurrentPasswordIsCountedWhateverBecameOfTheSession) {
    const SignedIn in = SignInService(db(), {}).sign_in("officer.sign", password, "192.0.2.9");
    SignInService(db(), {}).sign_out(in.token, in.user);
    auto request = test_database().open_another();
    request->check_session_on_write(Database::SessionToCheck{session_token_hash(in.token), 1800s});
    const int failures = rows("sign_in_failures");
    EXPECT_THROW(SignInService(*request, {}).change_own_password(in.user, "not the password", "a new long password"),
                 SignInRefused);
    EXPECT_EQ(rows("sign_in_failures"), failures + 1);
    EXPECT_EQ(rows("sign_in_attempts"), 0) << "no attempt left in flight";
}

// A new password longer than sign-in accepts could never be used: refused, the old one kept.
TEST_P(SignInTest, ANewPasswordLongerThanSignInTakesIsRefused) {
    const SignedIn holder = SignInService(db(), {}).sign_in("officer.sign", password, "192.0.2.9");
    EXPECT_THROW(SignInService(db(), {}).change_own_password(holder.user, password, std::string(1025, 'L')),
                 InvalidInput);
    EXPECT_EQ(rows("sign_in_failures"), 0);
    EXPECT_EQ(try_sign_in(password), "signed in");
}

DPLAN_INSTANTIATE_BACKEND_TESTS(SignInTest);

}  // namespace
}  // namespace dplan
