// The server's read cache on SQLite and MariaDB: a value is used only in the generation it was
// read in and only while a look at the database vouches for the moment; every audited write of
// this process moves the generation on at once, and the change watcher sees other processes'
// writes within its interval; permissions are checked on cached values as on fresh ones; a
// write always checks its session in the database.
#include "services/read_cache.hpp"

#include <gtest/gtest.h>

#include <thread>

#include "services/account_service.hpp"
#include "services/authorization.hpp"
#include "services/change_watcher.hpp"
#include "services/district_service.hpp"
#include "services/plan_workflow.hpp"
#include "services/sign_in.hpp"
#include "services/store.hpp"
#include "support/backend_test.hpp"
#include "support/built_plugins.hpp"
#include "support/sample_plan.hpp"

namespace dplan {
namespace {

using Clock = ChangeGeneration::Clock;
using namespace std::chrono_literals;

TEST(GenerationCache, AValueIsFoundOnlyInTheGenerationItWasReadIn) {
    ChangeGeneration generation;
    generation.trust_until(Clock::now() + 1h);
    GenerationCache<int, std::string> cache(generation, 10);
    const auto read_in = cache.generation();
    ASSERT_TRUE(read_in.has_value());
    cache.keep(1, std::make_shared<const std::string>("plan one"), *read_in);
    ASSERT_NE(cache.find(1), nullptr);
    EXPECT_EQ(*cache.find(1), "plan one");
    EXPECT_EQ(cache.find(2), nullptr);

    generation.advance();
    EXPECT_EQ(cache.find(1), nullptr) << "a change since it was read";
}

TEST(GenerationCache, NothingIsUsedWhenNoLookVouchesForNow) {
    ChangeGeneration generation;
    generation.trust_until(Clock::now() + 1h);
    GenerationCache<int, std::string> cache(generation, 10);
    cache.keep(1, std::make_shared<const std::string>("plan one"), *cache.generation());

    generation.trust_until(Clock::now() - 1ms);
    EXPECT_FALSE(cache.generation().has_value()) << "nothing read now may be kept";
    EXPECT_EQ(cache.find(1), nullptr);
}

TEST(GenerationCache, AFullCacheMakesRoomByDroppingStaleValuesFirst) {
    ChangeGeneration generation;
    generation.trust_until(Clock::now() + 1h);
    GenerationCache<int, int> cache(generation, 2);
    cache.keep(1, std::make_shared<const int>(1), *cache.generation());
    generation.advance();
    cache.keep(2, std::make_shared<const int>(2), *cache.generation());
    cache.keep(3, std::make_shared<const int>(3), *cache.generation());
    EXPECT_NE(cache.find(2), nullptr) << "a current value stays";
    EXPECT_NE(cache.find(3), nullptr);
}

class ReadCacheTest : public testing::BackendTest {
  protected:
    void SetUp() override {
        BackendTest::SetUp();
        if (IsSkipped() || HasFatalFailure()) return;
        migrate();
        district_id = testing::create_sample_district(db());
        officer = add_user("officer.cache", Role::officer);
        member = add_user("member.cache", Role::committee_member);
        registry = testing::built_plugins();
        // This connection is "the server's": it reports its writes. other() plays another process.
        db().report_writes_to(&cache.generation());
        other_connection = test_database().open_another();
    }

    void TearDown() override {
        if (!IsSkipped()) db().report_writes_to(nullptr);
    }

    User add_user(const std::string& username, Role role) {
        User user{0, username, username, role, district_id, std::nullopt, "192.0.2.1"};
        user.id = AccountService(db(), system_user()).add_user(user, password);
        return user;
    }

    // As a watcher that has just looked would: the cache may be used for the next hour.
    void vouch() { cache.generation().trust_until(Clock::now() + 1h); }

    Database& other() { return *other_connection; }

    const std::string password = "a long enough password";
    std::int64_t district_id = 0;
    User officer, member;
    std::unique_ptr<plugins::PluginRegistry> registry;
    ReadCache cache;
    std::unique_ptr<Database> other_connection;
};

TEST_P(ReadCacheTest, EveryWriteOfThisProcessMovesTheGenerationOnAndAReadDoesNot) {
    vouch();
    const auto before = cache.generation().usable();
    ASSERT_TRUE(before.has_value());
    DistrictService(db(), system_user()).by_code("riverside");
    EXPECT_EQ(cache.generation().usable(), before) << "a read";

    DistrictService(db(), system_user()).rename("riverside", {0, "", {"河畔新區", "New Riverside"}, {}, {}, {}});
    EXPECT_NE(cache.generation().usable(), before) << "a write";
}

TEST_P(ReadCacheTest, ACachedSessionEndsAtOnceWithThisProcesssSignOut) {
    vouch();
    SignInService sign_in(db(), SignInPolicy{}, &cache);
    const auto session = sign_in.sign_in("officer.cache", password, "192.0.2.1");
    EXPECT_EQ(sign_in.authenticate_for_read(session.token).id, officer.id);

    // Revoked behind the cache's back (a connection that reports nothing, with no watcher): reads
    // still find the cached session, which shows they are answered from memory...
    SignInService(other(), SignInPolicy{}).sign_out(session.token, officer);
    EXPECT_EQ(sign_in.authenticate_for_read(session.token).id, officer.id);
    // ...but a write checks the database itself.
    EXPECT_THROW(sign_in.authenticate(session.token), NotSignedIn);

    const auto again = sign_in.sign_in("officer.cache", password, "192.0.2.1");
    EXPECT_EQ(sign_in.authenticate_for_read(again.token).id, officer.id);
    sign_in.sign_out(again.token, officer);
    EXPECT_THROW(sign_in.authenticate_for_read(again.token), NotSignedIn) << "this process's sign-out is seen at once";
}

TEST_P(ReadCacheTest, ACachedPlanIsCheckedForEachReaderAndReplacedWhenItChanges) {
    vouch();
    PlanWorkflow as_officer(db(), *registry, officer, &cache);
    const auto plan_id = as_officer.create(testing::sample_plan(district_id), "first draft");
    const auto first = as_officer.rendered(plan_id);
    EXPECT_EQ(as_officer.rendered(plan_id), first) << "the same rendering, from the cache";
    EXPECT_NE(first->json.find(first->plan.theme.zh), std::string::npos);

    // A committee member may not read a draft, cached or not.
    EXPECT_THROW(PlanWorkflow(db(), *registry, member, &cache).rendered(plan_id), PermissionDenied);

    Plan edited = first->plan;
    edited.theme.zh = "新主題";
    as_officer.save(edited, "new theme");
    const auto second = as_officer.rendered(plan_id);
    EXPECT_EQ(second->plan.theme.zh, "新主題");
    EXPECT_EQ(second->plan.version, first->plan.version + 1);
}

TEST_P(ReadCacheTest, TheWatcherSeesAnotherProcesssWriteWithinItsInterval) {
    const auto interval = 20ms;
    ChangeWatcher watcher(Store::open(test_database().url(), OpenMode::must_exist, std::nullopt), cache.generation(),
                          interval);
    auto usable_within = [&](std::chrono::milliseconds limit) {
        const auto give_up = Clock::now() + limit;
        while (Clock::now() < give_up) {
            if (const auto generation = cache.generation().usable()) return generation;
            std::this_thread::sleep_for(1ms);
        }
        return std::optional<std::uint64_t>{};
    };
    const auto before = usable_within(5s);
    ASSERT_TRUE(before.has_value()) << "the watcher's first look vouches for the cache";

    DistrictService(other(), system_user()).rename("riverside", {0, "", {"別處改名", ""}, {}, {}, {}});
    const auto committed = Clock::now();
    for (;;) {
        const auto asked = Clock::now();
        const auto generation = cache.generation().usable();
        if (generation && *generation != *before) break;
        if (generation) {
            ASSERT_LT(asked - committed, interval) << "the old generation was used too long";
        }
        ASSERT_LT(asked - committed, 5s) << "the change was never seen";
        std::this_thread::sleep_for(1ms);
    }
}

TEST_P(ReadCacheTest, AnIdleWatcherStopsVouchingAndTheNextRequestWakesIt) {
    const auto interval = 20ms;
    ChangeWatcher watcher(Store::open(test_database().url(), OpenMode::must_exist, std::nullopt), cache.generation(),
                          interval);
    const auto give_up = Clock::now() + 5s;
    while (!cache.generation().usable() && Clock::now() < give_up) std::this_thread::sleep_for(1ms);
    ASSERT_TRUE(cache.generation().usable().has_value());

    std::this_thread::sleep_for(10 * interval);  // no request asks
    EXPECT_FALSE(cache.generation().usable().has_value()) << "no look vouches for an idle server";
    while (!cache.generation().usable() && Clock::now() < give_up) std::this_thread::sleep_for(1ms);
    EXPECT_TRUE(cache.generation().usable().has_value()) << "asking woke the watcher";
}

// A busy server's threads can hold the watcher's thread off past its look: a request that finds
// the trust about to run out looks itself, on its own connection, and sees what changed.
TEST_P(ReadCacheTest, ARequestLooksItselfWhenTheWatcherIsLate) {
    const auto interval = 10s;  // after its first look the watcher sleeps for 5 s: "late"
    ChangeWatcher watcher(Store::open(test_database().url(), OpenMode::must_exist, std::nullopt), cache.generation(),
                          interval);
    const auto give_up = Clock::now() + 5s;
    while (!cache.generation().usable() && Clock::now() < give_up) std::this_thread::sleep_for(1ms);
    const auto before = cache.generation().usable();
    ASSERT_TRUE(before.has_value()) << "the watcher's first look vouches for the cache";
    Store request = Store::open(test_database().url(), OpenMode::must_exist, std::nullopt);

    watcher.look_if_due(request);
    EXPECT_EQ(cache.generation().usable(), before) << "not due: the watcher's look still vouches";

    DistrictService(other(), system_user()).rename("riverside", {0, "", {"別處改名", ""}, {}, {}, {}});
    cache.generation().trust_until(Clock::now() - 1ms);  // the watcher's trust ran out
    EXPECT_FALSE(cache.generation().usable().has_value());
    watcher.look_if_due(request);
    const auto after = cache.generation().usable();
    ASSERT_TRUE(after.has_value()) << "the request's look vouches again";
    EXPECT_NE(*after, *before) << "and saw the other connection's change";
}

DPLAN_INSTANTIATE_BACKEND_TESTS(ReadCacheTest);

}  // namespace
}  // namespace dplan
