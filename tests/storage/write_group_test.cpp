// Comments made on several connections at once, as the server makes them: on MariaDB the
// connections share a WriteGroup and their comments are committed in groups. Whatever group a
// comment lands in, it gets an id of its own, the audit chain stays whole, and a comment refused
// (by its own checks, by its session, or by the database at COMMIT) fails alone: the others of
// its group are saved. On SQLite, where the group is not used, the same must hold.
#include "storage/write_group.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <set>
#include <thread>

#include "services/plan_workflow.hpp"
#include "storage/audit_log.hpp"
#include "storage/review_repository.hpp"
#include "support/backend_test.hpp"
#include "support/built_plugins.hpp"
#include "support/sample_plan.hpp"

namespace dplan {
namespace {

class WriteGroups : public testing::BackendTest {
  protected:
    void SetUp() override {
        BackendTest::SetUp();
        if (IsSkipped()) return;
        migrate();
        auto registry = testing::built_plugins();
        district_id = testing::create_sample_district(db());
        PlanWorkflow as_system(db(), *registry, system_user());
        plan_id = as_system.create(testing::sample_plan(district_id), "first draft");
        as_system.submit(plan_id);
        draft_id = as_system.create(testing::sample_plan(district_id), "another draft");
    }

    // Runs `write(workflow, writer, i)` `each` times on each of `writers` connections at once,
    // all sharing `group`.
    template <typename Write>
    void at_once(int writers, int each, Write write) {
        std::vector<std::thread> threads;
        for (int w = 0; w < writers; ++w) {
            threads.emplace_back([&, w] {
                auto own = test_database().open_another();
                own->commit_together_through(group);
                auto plugins = testing::built_plugins();
                PlanWorkflow as_system(*own, *plugins, system_user());
                for (int i = 0; i < each; ++i) write(*own, as_system, w, i);
            });
        }
        for (auto& thread : threads) thread.join();
    }

    void expect_chain_whole() {
        const auto verification = AuditLog(db()).verify(std::nullopt);
        EXPECT_TRUE(verification.intact) << verification.problem.en;
    }

    std::shared_ptr<WriteGroup> group = std::make_shared<WriteGroup>();
    std::int64_t district_id = 0;
    std::int64_t plan_id = 0;
    std::int64_t draft_id = 0;
};

TEST_P(WriteGroups, CommentsAtOnceTakeDistinctIdsInGroupsAndTheChainStaysWhole) {
    constexpr int writers = 8, each = 25;
    std::mutex mutex;
    std::set<std::int64_t> ids;
    at_once(writers, each, [&](Database&, PlanWorkflow& as_system, int w, int i) {
        const auto id = as_system.comment(plan_id, {}, "comment " + std::to_string(w * 100 + i));
        const std::lock_guard lock(mutex);
        ids.insert(id);
    });
    EXPECT_EQ(ids.size(), static_cast<std::size_t>(writers * each));
    const auto stored = ReviewRepository(db()).comments(plan_id);
    ASSERT_EQ(stored.size(), static_cast<std::size_t>(writers * each));
    for (const auto& comment : stored) EXPECT_TRUE(ids.count(comment.id)) << comment.id;
    EXPECT_EQ(*ids.rbegin() - *ids.begin() + 1, writers * each) << "no id skipped";
    expect_chain_whole();
    if (GetParam() == Dialect::mysql) {
        const auto counts = group->counts();
        EXPECT_EQ(counts.writes, static_cast<std::size_t>(writers * each));
        EXPECT_LT(counts.groups, counts.writes) << "some comments were committed together";
    } else {
        EXPECT_EQ(group->counts().writes, 0u) << "SQLite commits each write itself";
    }
}

// Comments on a draft (refused by the service), comments that are not UTF-8 (refused before the
// database sees them) and comments for a session that ended, among good ones at the same time.
TEST_P(WriteGroups, ACommentRefusedByItsOwnChecksOrSessionFailsAloneAndTheOthersAreSaved) {
    constexpr int writers = 6, each = 12;
    std::atomic<int> saved = 0, refused = 0, signed_out = 0;
    at_once(writers, each, [&](Database& own, PlanWorkflow& as_system, int w, int) {
        if (w == 5) own.check_session_on_write(Database::SessionToCheck{"no such session", std::chrono::minutes(30)});
        try {
            if (w == 3) {
                as_system.comment(draft_id, {}, "on a draft");
            } else if (w == 4) {
                as_system.comment(plan_id, {}, "\xa4\xa4\xa4\xe5 Big5");
            } else {
                as_system.comment(plan_id, {}, "good");
            }
            ++saved;
        } catch (const InvalidInput&) {
            ++refused;
        } catch (const NotSignedIn&) {
            ++signed_out;
        }
    });
    EXPECT_EQ(saved, 3 * each);
    EXPECT_EQ(refused, 2 * each);
    EXPECT_EQ(signed_out, each);
    EXPECT_EQ(ReviewRepository(db()).comments(plan_id).size(), static_cast<std::size_t>(3 * each));
    EXPECT_TRUE(ReviewRepository(db()).comments(draft_id).empty());
    expect_chain_whole();
}

// A comment for a plan that does not exist, written past the service's checks: MariaDB refuses
// its row at the group's COMMIT (a foreign key). The group is rolled back and each of its
// comments runs again alone: that one fails with the database's message, the others are saved.
TEST_P(WriteGroups, AGroupTheDatabaseRefusesRunsAgainOneCommentAtATime) {
    constexpr int writers = 6, each = 10;
    std::atomic<int> saved = 0, refused = 0;
    at_once(writers, each, [&](Database& own, PlanWorkflow& as_system, int w, int) {
        if (w != 0) {
            as_system.comment(plan_id, {}, "good");
            ++saved;
            return;
        }
        try {
            own.write_together("add review comment", {ReviewRepository::next_comment_id_read()},
                               [&](const Database::TurnRows& rows) {
                                   ReviewComment orphan;
                                   orphan.plan_id = plan_id + 1000;
                                   orphan.author_id = system_user_id;
                                   orphan.body = "no such plan";
                                   const auto id = ReviewRepository::next_comment_id_from(rows.at(0));
                                   ReviewRepository(own).add_comment(orphan, id);
                                   AuditLog(own).record({system_user_id, "test", "test"},
                                                        {"add review comment", "comment", std::to_string(id), "{}"});
                                   return id;
                               });
        } catch (const StorageError&) {
            ++refused;
        }
    });
    EXPECT_EQ(saved, (writers - 1) * each);
    EXPECT_EQ(refused, each);
    const auto stored = ReviewRepository(db()).comments(plan_id);
    EXPECT_EQ(stored.size(), static_cast<std::size_t>((writers - 1) * each));
    expect_chain_whole();
}

DPLAN_INSTANTIATE_BACKEND_TESTS(WriteGroups);

}  // namespace
}  // namespace dplan
