// Comments take their ids at their write's turn (ReviewRepository::next_comment_id_read), so that on
// MariaDB the comment can go with the write's COMMIT: writers on several connections at once never
// take the same id, a comment the database refuses at COMMIT takes its audit entry with it, and the
// audit chain stays whole. Their text is checked the same way on both databases. On SQLite and
// MariaDB.
#include <gtest/gtest.h>

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

class CommentIds : public testing::BackendTest {
  protected:
    void SetUp() override {
        BackendTest::SetUp();
        if (IsSkipped()) return;
        migrate();
        registry = testing::built_plugins();
        district_id = testing::create_sample_district(db());
        PlanWorkflow as_system(db(), *registry, system_user());
        plan_id = as_system.create(testing::sample_plan(district_id), "first draft");
        as_system.submit(plan_id);
    }

    std::unique_ptr<plugins::PluginRegistry> registry;
    std::int64_t district_id = 0;
    std::int64_t plan_id = 0;
};

// Every comment writer reads the next id at its turn; writers take turns, so none takes another's.
TEST_P(CommentIds, WritersOnSeveralConnectionsAtOnceTakeDistinctIdsAndTheChainStaysWhole) {
    constexpr int writers = 4, each = 15;
    std::vector<std::vector<std::int64_t>> ids(writers);
    std::vector<std::thread> threads;
    for (int w = 0; w < writers; ++w) {
        threads.emplace_back([&, w] {
            auto own = test_database().open_another();
            auto plugins = testing::built_plugins();
            PlanWorkflow as_system(*own, *plugins, system_user());
            for (int i = 0; i < each; ++i) {
                ids[w].push_back(as_system.comment(plan_id, {}, "comment " + std::to_string(w * 100 + i)));
            }
        });
    }
    for (auto& thread : threads) thread.join();
    std::set<std::int64_t> distinct;
    for (const auto& list : ids) distinct.insert(list.begin(), list.end());
    EXPECT_EQ(distinct.size(), static_cast<std::size_t>(writers * each));
    const auto stored = ReviewRepository(db()).comments(plan_id);
    ASSERT_EQ(stored.size(), static_cast<std::size_t>(writers * each));
    for (const auto& comment : stored) EXPECT_TRUE(distinct.count(comment.id)) << comment.id;
    const auto verification = AuditLog(db()).verify(std::nullopt);
    EXPECT_TRUE(verification.intact) << verification.problem.en;
}

// On MariaDB a comment goes with its write's COMMIT: one the database refuses there (here a plan
// that does not exist, which the service would have refused first) rolls back its audit entry too.
TEST_P(CommentIds, ARefusedCommentSavesNothingAndTheNextTakesTheFreeId) {
    Database& db = this->db();
    PlanWorkflow as_system(db, *registry, system_user());
    const auto first = as_system.comment(plan_id, {}, "first");
    EXPECT_THROW(as_system.comment(plan_id + 1000, {}, "no such plan"), NotFound);
    const auto head_before = AuditLog(db).verify(std::nullopt).head_sequence;
    EXPECT_THROW(
        db.write_reading(
            "add review comment", {ReviewRepository::next_comment_id_read()},
            [&](const Database::TurnRows& rows) {
                ReviewComment orphan;
                orphan.plan_id = plan_id + 1000;
                orphan.author_id = system_user_id;
                orphan.body = "no such plan";
                ReviewRepository(db).add_comment(orphan, ReviewRepository::next_comment_id_from(rows.at(0)));
                AuditLog(db).record({system_user_id, "test", "test"}, {"add review comment", "comment", "-", "{}"});
            }),
        StorageError);
    EXPECT_EQ(AuditLog(db).verify(std::nullopt).head_sequence, head_before) << "its entry was not kept";
    const auto next = as_system.comment(plan_id, {}, "second");
    EXPECT_EQ(next, first + 1);
    const auto reply = as_system.respond(first, CommentKind::reply, "a reply");
    EXPECT_EQ(reply, next + 1);
    const auto stored = ReviewRepository(db).comments(plan_id);
    ASSERT_EQ(stored.size(), 3u);
    EXPECT_EQ(stored[2].parent_id, first);
    EXPECT_TRUE(AuditLog(db).verify(std::nullopt).intact);
}

// Text from a terminal set to Big5: MariaDB refused it as "too long", SQLite kept unreadable bytes.
TEST_P(CommentIds, TextThatIsNotUtf8IsRefusedAsSuchOnEitherDatabase) {
    PlanWorkflow as_system(db(), *registry, system_user());
    const std::string big5 = "\xa4\xa4\xa4\xe5 comment";  // 中文 in Big5
    try {
        as_system.comment(plan_id, {}, big5);
        FAIL() << "accepted";
    } catch (const InvalidInput& e) {
        EXPECT_NE(e.message().en.find("UTF-8"), std::string::npos) << e.message().en;
    }
    const auto first = as_system.comment(plan_id, {}, "first");
    EXPECT_THROW(as_system.respond(first, CommentKind::reply, big5), InvalidInput);
    EXPECT_EQ(ReviewRepository(db()).comments(plan_id).size(), 1u) << "nothing else stored";
}

DPLAN_INSTANTIATE_BACKEND_TESTS(CommentIds);

}  // namespace
}  // namespace dplan
