// The audit log on SQLite and MariaDB: every change through the services leaves one entry in the
// same transaction (both or neither), with who, from where and each field before and after; the
// chain finds an edited, removed or inserted row; only administrators read it; a write that
// records no entry cannot commit; concurrent writers never fork the chain.
#include "storage/audit_log.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <thread>

#include "services/account_service.hpp"
#include "services/audit_service.hpp"
#include "services/authorization.hpp"
#include "services/district_service.hpp"
#include "services/plan_workflow.hpp"
#include "services/sign_in.hpp"
#include "support/arrange.hpp"
#include "support/backend_test.hpp"
#include "support/built_plugins.hpp"
#include "support/sample_plan.hpp"

namespace dplan {
namespace {

class AuditLogTest : public testing::BackendTest {
  protected:
    void SetUp() override {
        BackendTest::SetUp();
        if (IsSkipped() || HasFatalFailure()) return;
        migrate();
        admin = system_user();
        admin.origin = "192.0.2.7";
        district_id = testing::create_sample_district(db());
        officer = User{0, "officer.audit", "Officer", Role::officer, district_id, std::nullopt, "198.51.100.4"};
        officer.id = AccountService(db(), admin).add_user(officer, "a long enough password");
    }

    std::vector<AuditEntry> entries_about(const std::string& type, const std::string& id) {
        AuditQuery query;
        query.object_type = type;
        query.object_id = id;
        return AuditService(db(), admin).list(query);
    }

    std::int64_t entry_count() { return AuditService(db(), admin).verify().entries; }

    void tamper(const std::string& sql) { db().session() << sql; }

    void registry_for_plans() { registry = testing::built_plugins(); }

    User admin;
    User officer;
    std::int64_t district_id = 0;
    std::unique_ptr<plugins::PluginRegistry> registry;
};

TEST_P(AuditLogTest, AChangeRecordsWhoFromWhereAndEachFieldBeforeAndAfter) {
    DistrictService(db(), admin).rename("riverside", {0, "", {"河畔新區", "New Riverside"}, {}, {}, {}});

    const auto entries = entries_about("district", std::to_string(district_id));
    ASSERT_EQ(entries.size(), 1u);
    const AuditEntry& entry = entries.front();
    EXPECT_EQ(entry.change.action, "update district");
    EXPECT_EQ(entry.actor.user_id, system_user_id);
    EXPECT_EQ(entry.actor.name, "system");
    EXPECT_EQ(entry.actor.origin, "192.0.2.7");
    const auto changes = nlohmann::json::parse(entry.change.changes);
    EXPECT_EQ(changes["/name/zh"]["before"], "河畔區");
    EXPECT_EQ(changes["/name/zh"]["after"], "河畔新區");
    EXPECT_EQ(changes["/name/en"]["after"], "New Riverside");
    EXPECT_FALSE(changes.contains("/code")) << "unchanged fields are not listed: " << changes.dump();
}

TEST_P(AuditLogTest, APasswordChangeIsRecordedWithoutTheHash) {
    AccountService(db(), admin).set_password("officer.audit", "another long password");
    const auto entries = entries_about("user", std::to_string(officer.id));
    ASSERT_FALSE(entries.empty());
    EXPECT_EQ(entries.front().change.action, "change password");
    EXPECT_EQ(entries.front().change.changes.find("argon2"), std::string::npos) << entries.front().change.changes;
}

TEST_P(AuditLogTest, AChangeThatFailsLeavesNoEntry) {
    registry_for_plans();
    PlanWorkflow plans(db(), *registry, officer);
    const auto plan_id = plans.create(testing::sample_plan(district_id), "first draft");
    Plan stale = plans.get(plan_id);
    Plan fresh = stale;
    fresh.theme.zh += "（修訂）";
    plans.save(fresh, "first edit");
    const auto before = entry_count();

    stale.theme.zh += "（另一修訂）";
    EXPECT_THROW(plans.save(stale, "edit from an old copy"), Conflict);
    EXPECT_EQ(entry_count(), before) << "the refused save left no entry";
    EXPECT_EQ(entries_about("plan", std::to_string(plan_id)).size(), 2u) << "create and the first edit";
}

TEST_P(AuditLogTest, AWriteThatRecordsNoEntryIsRolledBack) {
    const std::string code = "riverside";
    EXPECT_THROW(
        db().write("rename behind the services' back",
                   [&] { db().session() << "UPDATE districts SET name_zh = 'x' WHERE code = :code", soci::use(code); }),
        UnauditedWrite);
    EXPECT_EQ(DistrictService(db(), admin).by_code("riverside").name.zh, "河畔區") << "nothing was changed";
}

TEST_P(AuditLogTest, VerifyFindsAnEditedEntry) {
    DistrictService(db(), admin).rename("riverside", {0, "", {"河畔新區", ""}, {}, {}, {}});
    ASSERT_TRUE(AuditService(db(), admin).verify().intact);
    const auto target = entries_about("district", std::to_string(district_id)).front().sequence;

    tamper(fmt::format("UPDATE audit_log SET actor_name = 'someone else' WHERE sequence = {}", target));
    const auto result = AuditService(db(), admin).verify();
    EXPECT_FALSE(result.intact);
    EXPECT_EQ(result.first_bad_sequence, target);
    EXPECT_NE(result.problem.en.find("changed after it was recorded"), std::string::npos) << result.problem.en;
}

TEST_P(AuditLogTest, VerifyFindsARemovedEntryInTheMiddleAndAtTheEnd) {
    for (const char* name : {"甲", "乙", "丙"}) {
        DistrictService(db(), admin).rename("riverside", {0, "", {name, ""}, {}, {}, {}});
    }
    const auto last = AuditService(db(), admin).verify().entries;
    ASSERT_GE(last, 3);

    tamper(fmt::format("DELETE FROM audit_log WHERE sequence = {}", last));
    auto result = AuditService(db(), admin).verify();
    EXPECT_FALSE(result.intact) << "the head still names the removed newest entry";
    EXPECT_EQ(result.first_bad_sequence, last);

    tamper(fmt::format("DELETE FROM audit_log WHERE sequence = {}", last - 2));
    result = AuditService(db(), admin).verify();
    EXPECT_FALSE(result.intact);
    EXPECT_EQ(result.first_bad_sequence, last - 1);
    EXPECT_NE(result.problem.en.find("removed or inserted"), std::string::npos) << result.problem.en;
}

TEST_P(AuditLogTest, AChainRebuiltFromScratchIsFoundByTheHashNotedOutside) {
    const auto noted = AuditService(db(), admin).verify();
    const std::string anchor = fmt::format("{}:{}", noted.head_sequence, noted.head_hash);
    DistrictService(db(), admin).rename("riverside", {0, "", {"河畔新區", ""}, {}, {}, {}});
    EXPECT_TRUE(AuditService(db(), admin).verify(anchor).intact) << "the chain grew; the noted entry is unchanged";

    // Someone with write access rewrites the noted entry and recomputes every hash after it.
    std::vector<AuditEntry> chain = AuditService(db(), admin).list({});
    std::reverse(chain.begin(), chain.end());
    std::string previous;
    for (auto& entry : chain) {
        if (entry.sequence == noted.head_sequence) entry.actor.name = "someone else";
        entry.previous_hash = previous;
        entry.entry_hash = audit_entry_hash(entry);
        previous = entry.entry_hash;
        tamper(
            fmt::format("UPDATE audit_log SET actor_name = '{}', previous_hash = '{}', entry_hash = '{}' WHERE "
                        "sequence = {}",
                        entry.actor.name, entry.previous_hash, entry.entry_hash, entry.sequence));
    }
    tamper(fmt::format("UPDATE audit_head SET entry_hash = '{}' WHERE id = 1", previous));
    EXPECT_TRUE(AuditService(db(), admin).verify().intact) << "consistent in itself";
    const auto checked = AuditService(db(), admin).verify(anchor);
    EXPECT_FALSE(checked.intact);
    EXPECT_EQ(checked.first_bad_sequence, noted.head_sequence);
    EXPECT_THROW(AuditService(db(), admin).verify(std::string("12:not-a-hash")), InvalidInput);
}

TEST_P(AuditLogTest, OnlyAdministratorsReadTheLog) {
    EXPECT_THROW(AuditService(db(), officer).list({}), PermissionDenied);
    EXPECT_THROW(AuditService(db(), officer).verify(), PermissionDenied);
    User administrator{0, "admin.audit", "Admin", Role::admin, std::nullopt, std::nullopt, "local"};
    AccountService(db(), admin).add_user(administrator, "");
    EXPECT_FALSE(AuditService(db(), administrator).list({}).empty());
}

TEST_P(AuditLogTest, ListsByObjectAndTime) {
    DistrictService(db(), admin).rename("riverside", {0, "", {"河畔新區", ""}, {}, {}, {}});
    AuditQuery query;
    query.object_type = "user";
    for (const auto& entry : AuditService(db(), admin).list(query)) EXPECT_EQ(entry.change.object_type, "user");

    query = {};
    query.since = "2199-01-01";
    EXPECT_TRUE(AuditService(db(), admin).list(query).empty()) << "nothing recorded in the future";
    query.since = "2999-01-01";
    EXPECT_THROW(AuditService(db(), admin).list(query), InvalidInput) << "beyond what the clock can count";
    query.since = "2000-01-01";
    query.until = "2199-01-01T00:00:00.000Z";
    query.limit = 2;
    const auto two = AuditService(db(), admin).list(query);
    ASSERT_EQ(two.size(), 2u);
    EXPECT_GT(two[0].sequence, two[1].sequence) << "newest first";

    query.since = "2025-04-01T-1:00:00.000Z";
    EXPECT_THROW(AuditService(db(), admin).list(query), InvalidInput) << "a negative hour is not a time";
    query.since = "yesterday";
    try {
        AuditService(db(), admin).list(query);
        ADD_FAILURE() << "a time that is not a date is refused";
    } catch (const InvalidInput& e) {
        EXPECT_NE(e.message().en.find("since: 'yesterday'"), std::string::npos) << e.message().en;
    }
}

TEST_P(AuditLogTest, ConcurrentWritersKeepOneChain) {
    constexpr int per_writer = 15;
    auto writer = [&](int which) {
        auto connection = test_database().open_another();
        for (int i = 0; i < per_writer; ++i) {
            DistrictService(*connection, admin)
                .add({0, fmt::format("w{}_{}", which, i), {fmt::format("地區{}之{}", which, i), ""}, {}, {}, {}});
        }
    };
    const auto before = entry_count();
    std::thread first(writer, 1), second(writer, 2);
    first.join();
    second.join();

    const auto result = AuditService(db(), admin).verify();
    EXPECT_TRUE(result.intact) << result.problem.en;
    EXPECT_EQ(result.entries, before + 2 * per_writer);
}

TEST_P(AuditLogTest, ARefusedSignInKeepsTheAccountButNeverWhatAStrangerTyped) {
    SignInService sign_in(db(), SignInPolicy{});
    EXPECT_THROW(sign_in.sign_in("my secret password", "x", "203.0.113.9"), SignInRefused);
    EXPECT_THROW(sign_in.sign_in("officer.audit", "wrong", "203.0.113.9"), SignInRefused);

    AuditQuery query;
    query.object_type = "user";
    const auto entries = AuditService(db(), admin).list(query);
    ASSERT_GE(entries.size(), 2u);
    EXPECT_EQ(entries[0].change.action, "sign-in refused");
    EXPECT_EQ(entries[0].actor.name, "officer.audit");
    EXPECT_EQ(entries[0].change.object_id, std::to_string(officer.id));
    EXPECT_EQ(entries[0].actor.origin, "203.0.113.9");
    EXPECT_EQ(entries[1].actor.name, "(unknown account)");
    for (const auto& entry : AuditService(db(), admin).list({})) {
        EXPECT_EQ(nlohmann::json(audit_entry_json(entry)).dump().find("my secret password"), std::string::npos);
    }
}

TEST_P(AuditLogTest, BadFiltersAreRefusedNotAnsweredWithNothing) {
    for (const auto& [type, id] : std::vector<std::pair<std::string, std::optional<std::string>>>{
             {"", std::nullopt}, {"plan", ""}, {"plans", std::nullopt}}) {
        AuditQuery query;
        query.object_type = type;
        query.object_id = id;
        EXPECT_THROW(AuditService(db(), admin).list(query), InvalidInput) << type;
    }
    AuditQuery limit;
    limit.limit = 0;
    EXPECT_THROW(AuditService(db(), admin).list(limit), InvalidInput);
}

DPLAN_INSTANTIATE_BACKEND_TESTS(AuditLogTest);

}  // namespace
}  // namespace dplan
