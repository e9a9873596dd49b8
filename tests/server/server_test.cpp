// The collaboration server, black-box: a real `dplan serve` process on SQLite and MariaDB, driven
// over real sockets by a Beast client; every answer is checked against docs/openapi.json.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <thread>
#include <vector>

#include "server/http_client.hpp"
#include "server/server_process.hpp"
#include "server/server_world.hpp"
#include "support/backend_test.hpp"
#include "support/run_command.hpp"

namespace dplan::testing {
namespace {

class ServerTest : public BackendTest {
  protected:
    void SetUp() override {
        BackendTest::SetUp();
        if (IsSkipped() || HasFatalFailure()) return;
        world = make_server_world(db());
        folder = make_temp_dir("server-test");
    }
    void TearDown() override {
        server.reset();
        if (!folder.empty()) std::filesystem::remove_all(folder);
    }

    // Starts the server with these settings (INI lines of its [server] and [sign_in] sections).
    HttpClient start(const std::string& server_settings = {}, std::vector<std::string> arguments = {},
                     const std::string& sign_in_settings = "failed_sign_in_delay_ms = 50\n") {
        const auto config = folder / "server.ini";
        std::ofstream(config) << "[server]\n" << server_settings << "[sign_in]\n" << sign_in_settings;
        arguments.insert(arguments.begin(), {"--config", config.string()});
        server = std::make_unique<ServerProcess>(test_database().url(), arguments);
        return HttpClient(server->port());
    }

    std::string plan_path(std::int64_t id, const std::string& rest = {}) const {
        return fmt::format("/api/plans/{}{}", id, rest);
    }

    std::string meeting_path() const { return fmt::format("/api/meetings/{}", world.meeting); }

    // Minutes for an agenda item of the world's meeting, sent against the version `etag`.
    static HttpAnswer put_minutes(const HttpClient& client, const std::string& token, const std::string& path,
                                  const std::string& etag, int item, const std::string& minutes) {
        return client.send({"PUT",
                            fmt::format("{}/agenda/{}/minutes", path, item),
                            nlohmann::json{{"minutes", minutes}}.dump(),
                            token,
                            etag,
                            {}});
    }

    ServerWorld world;
    std::filesystem::path folder;
    std::unique_ptr<ServerProcess> server;
};

TEST_P(ServerTest, SignInGivesATokenThatWorksUntilSignOut) {
    const auto client = start();
    EXPECT_EQ(client.get("/api/me").status, 401);
    EXPECT_EQ(client.get("/api/me", "not-a-token").status, 401);
    const auto token = client.sign_in("officer.here", test_password);
    ASSERT_GE(token.size(), 43u);  // 256 random bits, base64
    const auto me = client.get("/api/me", token);
    ASSERT_EQ(me.status, 200) << me.body;
    EXPECT_EQ(me.json()["username"], "officer.here");
    EXPECT_EQ(me.json()["role"], "officer");
    EXPECT_EQ(client.send({"POST", "/api/logout", {}, token, {}, {}}).status, 204);
    EXPECT_EQ(client.get("/api/me", token).status, 401);
}

TEST_P(ServerTest, SessionsEndWhenIdleAndAtTheirAbsoluteExpiry) {
    // Each request comes 3 s after the last, within the 5 s idle timeout together with the 2 s that
    // a request may take on a loaded machine; the session is in use for 6 s, longer than idle.
    const auto idle = start({}, {}, "failed_sign_in_delay_ms = 50\nidle_timeout_seconds = 5\n");
    auto token = idle.sign_in("viewer", test_password);
    std::this_thread::sleep_for(std::chrono::seconds(3));
    EXPECT_EQ(idle.get("/api/me", token).status, 200);  // in use: not idle
    std::this_thread::sleep_for(std::chrono::seconds(3));
    EXPECT_EQ(idle.get("/api/me", token).status, 200);
    std::this_thread::sleep_for(std::chrono::seconds(6));
    EXPECT_EQ(idle.get("/api/me", token).status, 401);  // left alone for longer than 5 s

    server.reset();
    const auto absolute = start({}, {}, "failed_sign_in_delay_ms = 50\nabsolute_lifetime_seconds = 3\n");
    token = absolute.sign_in("viewer", test_password);
    EXPECT_EQ(absolute.get("/api/me", token).status, 200);
    std::this_thread::sleep_for(std::chrono::milliseconds(3500));
    EXPECT_EQ(absolute.get("/api/me", token).status, 401);
}

TEST_P(ServerTest, FailedSignInsAreSlowAndFiveLockTheAccount) {
    const auto client = start({}, {}, "failed_sign_in_delay_ms = 300\n");
    for (int attempt = 1; attempt <= 5; ++attempt) {
        const auto began = std::chrono::steady_clock::now();
        const auto refused = client.post("/api/login", {{"username", "officer.here"}, {"password", "wrong password"}});
        const auto took = std::chrono::steady_clock::now() - began;
        EXPECT_EQ(refused.status, 401);
        EXPECT_EQ(refused.error_en(), "wrong username or password");
        // Not a speed measurement: the answer is held back by a timer, so it cannot come sooner.
        EXPECT_GE(took, std::chrono::milliseconds(300)) << "attempt " << attempt;
    }
    const auto locked = client.post("/api/login", {{"username", "officer.here"}, {"password", test_password}});
    EXPECT_EQ(locked.status, 401);
    EXPECT_NE(locked.error_en().find("locked"), std::string::npos) << locked.body;
    // An unknown user gets the same answer as a wrong password; another account is not locked.
    EXPECT_EQ(client.post("/api/login", {{"username", "nobody"}, {"password", "whatever it is"}}).error_en(),
              "wrong username or password");
    EXPECT_FALSE(client.sign_in("officer.elsewhere", test_password).empty());
}

// Guesses sent at once, from many connections, get no more tries than guesses sent one after
// another: each attempt is stored before the lock is checked and the password verified (slow on
// purpose), so each sees the others in flight.
TEST_P(ServerTest, GuessesSentAtOnceGetNoMoreTriesThanTheLimit) {
    const auto client = start();
    for (int attempt = 1; attempt <= 4; ++attempt) {
        ASSERT_EQ(client.post("/api/login", {{"username", "officer.here"}, {"password", "wrong password"}}).status,
                  401);
    }
    constexpr int at_once = 12;
    std::vector<std::string> answers(at_once);
    std::vector<std::thread> guessers;
    for (int i = 0; i < at_once; ++i) {
        guessers.emplace_back([&, i] {
            const auto answer =
                client.post("/api/login", {{"username", "officer.here"}, {"password", fmt::format("guess {}", i)}});
            answers[i] = answer.status == 401 ? answer.error_en() : fmt::format("status {}", answer.status);
        });
    }
    for (auto& guesser : guessers) guesser.join();
    int checked = 0;
    for (const auto& answer : answers) {
        if (answer == "wrong username or password") {
            ++checked;
        } else if (answer.find("locked") == std::string::npos) {
            EXPECT_EQ(answer, "too many sign-in attempts for this account at once; try again in a moment");
        }
    }
    EXPECT_LE(checked, 1) << "the fifth try, and only it, may have its password checked";
    // Whether one guess found itself alone depends on timing: if none did, none was checked.
    const auto owner = client.post("/api/login", {{"username", "officer.here"}, {"password", test_password}});
    if (checked == 1) {
        EXPECT_NE(owner.error_en().find("locked"), std::string::npos) << "five failures lock: " << owner.body;
    } else {
        EXPECT_EQ(owner.status, 200) << "four failures lock nothing: " << owner.body;
    }
}

TEST_P(ServerTest, EachRoleMayDoWhatTheTableSaysAndNoMore) {
    const auto client = start();
    std::map<std::string, std::string> tokens;
    for (const auto* user :
         {"admin", "officer.here", "officer.elsewhere", "member.here", "ngo.here", "ngo.elsewhere", "viewer"}) {
        tokens[user] = client.sign_in(user, test_password);
    }
    const auto reading = nlohmann::json{{"value", 12}, {"period_start", "2025-04-01"}, {"period_end", "2025-06-30"}};
    const auto readings_here = fmt::format("/api/programmes/{}/indicators/A1/readings", world.programme_here);
    struct Case {
        std::string user, method, target;
        nlohmann::json body;
        int expected;
    };
    // A hidden object and one that does not exist answer alike, word for word.
    const auto hidden = client.get(plan_path(world.draft_plan), tokens.at("officer.elsewhere"));
    const auto missing = client.get(plan_path(999999), tokens.at("officer.elsewhere"));
    EXPECT_EQ(hidden.status, 404);
    EXPECT_EQ(hidden.body, missing.body);
    const std::vector<Case> cases{
        {"officer.here", "GET", plan_path(world.draft_plan), nullptr, 200},
        {"admin", "GET", plan_path(world.draft_plan), nullptr, 200},
        {"officer.elsewhere", "GET", plan_path(world.draft_plan), nullptr, 404},  // a draft is private
        {"viewer", "GET", plan_path(world.draft_plan), nullptr, 404},
        {"viewer", "GET", plan_path(world.submitted_plan), nullptr, 200},
        {"ngo.elsewhere", "GET", plan_path(world.submitted_plan, "/revisions"), nullptr, 200},
        {"officer.elsewhere", "GET", plan_path(world.draft_plan, "/revisions"), nullptr, 404},
        {"officer.elsewhere", "GET", plan_path(world.draft_plan, "/diff"), nullptr, 404},
        {"officer.elsewhere", "GET", plan_path(world.draft_plan, "/paper.pdf"), nullptr, 404},
        {"officer.here", "GET", plan_path(world.draft_plan, "/paper.pdf?language=en"), nullptr, 200},
        {"member.here", "POST", plan_path(world.submitted_plan, "/comments"), {{"body", "請補充數據"}}, 201},
        {"viewer", "POST", plan_path(world.submitted_plan, "/comments"), {{"body", "x"}}, 403},  // may read it
        {"officer.elsewhere", "POST", plan_path(world.draft_plan, "/comments"), {{"body", "x"}}, 404},
        {"officer.elsewhere", "POST", plan_path(world.draft_plan, "/submit"), nullptr, 404},
        {"member.here", "POST", plan_path(world.draft_plan, "/submit"), nullptr, 404},
        {"member.here", "POST", plan_path(world.submitted_plan, "/start-review"), nullptr, 200},
        {"ngo.here", "GET", fmt::format("/api/programmes/{}", world.programme_here), nullptr, 200},
        {"ngo.elsewhere", "GET", fmt::format("/api/programmes/{}", world.programme_here), nullptr, 404},
        {"ngo.elsewhere", "GET", fmt::format("/api/programmes/{}/indicators", world.programme_here), nullptr, 404},
        {"ngo.elsewhere", "POST", readings_here, reading, 404},  // changing the id in the URL does not help
        {"member.here", "POST", readings_here, reading, 403},    // may read the programme, not report for it
        {"ngo.here", "POST", readings_here, reading, 201},
        {"viewer", "GET", "/api/programmes", nullptr, 403},
        {"admin", "GET", "/api/districts", nullptr, 200},
        {"viewer", "GET", "/api/plugins", nullptr, 200},
    };
    for (const auto& c : cases) {
        HttpCall call{c.method, c.target, c.body.is_null() ? std::string() : c.body.dump(), tokens.at(c.user), {}, {}};
        const auto answer = client.send(call);
        EXPECT_EQ(answer.status, c.expected) << c.user << ' ' << c.method << ' ' << c.target << ": " << answer.body;
    }
    // Editing: a committee member may read the submitted plan but not change it.
    const auto seen = client.get(plan_path(world.submitted_plan), tokens.at("member.here"));
    HttpCall edit{"PUT", plan_path(world.submitted_plan), seen.body, tokens.at("member.here"), seen.header("etag"), {}};
    EXPECT_EQ(client.send(edit).status, 403);
    // Lists and exports hold only what the user may read.
    const auto plans = client.get("/api/plans", tokens.at("officer.elsewhere")).json();
    for (const auto& plan : plans) EXPECT_NE(plan["id"], world.draft_plan);
    const auto csv = client.get("/api/readings.csv", tokens.at("ngo.elsewhere"));
    EXPECT_EQ(csv.status, 200);
    EXPECT_EQ(csv.body.find("河畔青年計劃"), std::string::npos) << csv.body;
    const auto own_csv = client.get("/api/readings.csv", tokens.at("ngo.here"));
    EXPECT_NE(own_csv.body.find("河畔青年計劃"), std::string::npos) << own_csv.body;
}

TEST_P(ServerTest, TwoEditorsOfOnePlanNeitherLosesWorkAndTheSecondIsTold) {
    const auto client = start();
    const auto first = client.sign_in("officer.here", test_password);
    const auto second = client.sign_in("admin", test_password);
    const auto seen_by_first = client.get(plan_path(world.draft_plan), first);
    const auto seen_by_second = client.get(plan_path(world.draft_plan), second);
    ASSERT_EQ(seen_by_first.header("etag"), seen_by_second.header("etag"));

    auto plan = seen_by_first.json();
    plan["theme"]["zh"] = "第一位的主題";
    const auto saved =
        client.send({"PUT", plan_path(world.draft_plan), plan.dump(), first, seen_by_first.header("etag"), {}});
    ASSERT_EQ(saved.status, 200) << saved.body;
    EXPECT_NE(saved.header("etag"), seen_by_first.header("etag"));

    auto other = seen_by_second.json();
    other["theme"]["zh"] = "第二位的主題";
    const auto refused =
        client.send({"PUT", plan_path(world.draft_plan), other.dump(), second, seen_by_second.header("etag"), {}});
    EXPECT_EQ(refused.status, 412) << refused.body;
    EXPECT_EQ(refused.header("etag"), saved.header("etag"));  // the version to merge against
    EXPECT_EQ(client.get(plan_path(world.draft_plan), second).json()["theme"]["zh"], "第一位的主題");

    const auto without = client.send({"PUT", plan_path(world.draft_plan), other.dump(), second, {}, {}});
    EXPECT_EQ(without.status, 428);
    const auto garbled = client.send({"PUT", plan_path(world.draft_plan), other.dump(), second, "\"seven\"", {}});
    EXPECT_EQ(garbled.status, 400);
}

TEST_P(ServerTest, TwoMinuteTakersOfOneMeetingTheSecondIsTold) {
    const auto client = start();
    const auto officer = client.sign_in("officer.here", test_password);
    const auto path = meeting_path();
    const auto seen = client.get(path, officer);
    ASSERT_EQ(seen.status, 200) << seen.body;
    const auto first = put_minutes(client, officer, path, seen.header("etag"), 1, "同意加強轉介。");
    ASSERT_EQ(first.status, 200) << first.body;
    const auto second = put_minutes(client, officer, path, seen.header("etag"), 2, "另議。");
    EXPECT_EQ(second.status, 412) << second.body;
    EXPECT_EQ(second.header("etag"), first.header("etag"));
    const auto record = client.get(path, officer).json();
    EXPECT_EQ(record["meeting"]["agenda"][0]["minutes"], "同意加強轉介。");
    EXPECT_EQ(record["meeting"]["agenda"][1]["minutes"], "");
    // NGO staff of an organisation not at the meeting do not learn that it exists.
    const auto outsider = client.sign_in("ngo.elsewhere", test_password);
    EXPECT_EQ(client.get(path, outsider).status, 404);
    EXPECT_EQ(client.get(path + "/calendar.ics", outsider).status, 404);
    EXPECT_EQ(client.post(path + "/actions", {{"description", "x"}, {"due_date", "2025-04-01"}}, outsider).status, 404);
}

// Views and action items carry versions of their own: two people changing different items of
// one meeting are both saved; two changing the same item, the second is told.
TEST_P(ServerTest, ItemsOfOneMeetingChangeAgainstTheirOwnVersions) {
    const auto client = start();
    const auto officer = client.sign_in("officer.here", test_password);
    const auto colleague = client.sign_in("officer.here", test_password);
    const auto path = meeting_path();
    std::vector<std::string> item_paths;
    for (const char* description : {"聯絡診所", "預備問卷"}) {
        const auto added =
            client.post(path + "/actions", {{"description", description}, {"due_date", "2025-04-01"}}, officer);
        ASSERT_EQ(added.status, 201) << added.body;
        item_paths.push_back(fmt::format("{}/actions/{}", path, added.json()["id"].get<std::int64_t>()));
    }
    const auto first_seen = client.get(item_paths[0], officer);
    const auto second_seen = client.get(item_paths[1], colleague);
    ASSERT_EQ(first_seen.status, 200) << first_seen.body;
    EXPECT_EQ(first_seen.header("etag"), fmt::format("\"{}\"", first_seen.json()["version"].get<int>()));
    const auto meeting_before = client.get(path, officer).header("etag");

    const auto done = client.send(
        {"PUT", item_paths[0] + "/status", R"({"status": "done"})", officer, first_seen.header("etag"), {}});
    EXPECT_EQ(done.status, 204) << done.body;
    const auto cancelled = client.send(
        {"PUT", item_paths[1] + "/status", R"({"status": "cancelled"})", colleague, second_seen.header("etag"), {}});
    EXPECT_EQ(cancelled.status, 204) << cancelled.body << " (a change to another item must not collide)";
    EXPECT_EQ(done.header("etag"), fmt::format("\"{}\"", first_seen.json()["version"].get<int>() + 1))
        << "the version this change made";

    const auto late = client.send(
        {"PUT", item_paths[0] + "/status", R"({"status": "open"})", colleague, first_seen.header("etag"), {}});
    EXPECT_EQ(late.status, 412) << late.body;
    EXPECT_EQ(late.header("etag"), done.header("etag"));  // the item's version to merge against
    // The status it already has changes nothing: the same version, so no one else is refused.
    const auto again_done =
        client.send({"PUT", item_paths[0] + "/status", R"({"status": "done"})", officer, done.header("etag"), {}});
    EXPECT_EQ(again_done.status, 204) << again_done.body;
    EXPECT_EQ(again_done.header("etag"), done.header("etag"));
    const auto record = client.get(path, officer);
    EXPECT_EQ(record.json()["actions"][0]["status"], "done");
    EXPECT_EQ(record.json()["actions"][1]["status"], "cancelled");
    // The meeting's version counts every change in its record.
    EXPECT_NE(record.header("etag"), meeting_before);

    // A view: the version in the meeting record is the one to send.
    const auto raised = client.post(
        path + "/views", {{"area_id", "family"}, {"sector", "resident"}, {"text", "需要夜間託管。"}}, officer);
    ASSERT_EQ(raised.status, 201) << raised.body;
    const auto view_path = fmt::format("{}/views/{}", path, raised.json()["id"].get<std::int64_t>());
    const auto view_version = fmt::format("\"{}\"", client.get(path, officer).json()["views"][0]["version"].get<int>());
    EXPECT_EQ(client.get(view_path, officer).header("etag"), view_version);
    const auto declined =
        client.send({"POST", view_path + "/decline", R"({"reason": "資源所限"})", officer, view_version, {}});
    EXPECT_EQ(declined.status, 204) << declined.body;
    const auto again =
        client.send({"POST", view_path + "/decline", R"({"reason": "另議"})", colleague, view_version, {}});
    EXPECT_EQ(again.status, 412) << again.body;
    EXPECT_EQ(client.get(view_path, officer).json()["reason"], "資源所限");

    EXPECT_EQ(client.send({"POST", view_path + "/decline", R"({"reason": "x"})", officer, {}, {}}).status, 428);
    const auto huge_revision = client.send(
        {"POST", view_path + "/address", R"({"plan_id": 1, "revision": 4294967297})", officer, view_version, {}});
    EXPECT_EQ(huge_revision.status, 400) << huge_revision.body << " (was cut to revision 1)";
    const auto elsewhere = fmt::format("{}/actions/999999", path);
    EXPECT_EQ(client.get(elsewhere, officer).status, 404);
    EXPECT_EQ(
        client.send({"PUT", elsewhere + "/status", R"({"status": "done"})", officer, done.header("etag"), {}}).status,
        404);
    const auto outsider = client.sign_in("ngo.elsewhere", test_password);
    EXPECT_EQ(client.get(item_paths[0], outsider).status, 404);
    EXPECT_EQ(client.get(view_path, outsider).status, 404);
}

TEST_P(ServerTest, TheCommitteesReviewAndTheNgosIndicatorsRunOverHttp) {
    const auto client = start();
    const auto member = client.sign_in("member.here", test_password);
    const auto officer = client.sign_in("officer.here", test_password);
    const auto ngo = client.sign_in("ngo.here", test_password);
    const auto plan = plan_path(world.submitted_plan);
    const auto comment =
        client.post(plan + "/comments", {{"body", "長者服務缺乏指標。"}, {"area_id", "elderly"}}, member);
    ASSERT_EQ(comment.status, 201) << comment.body;
    const auto comment_id = comment.json()["id"].get<std::int64_t>();
    const auto reply = client.post(fmt::format("/api/comments/{}/responses", comment_id),
                                   {{"kind", "reply"}, {"body", "已加入輪候人數。"}}, officer);
    EXPECT_EQ(reply.status, 201) << reply.body;
    EXPECT_EQ(
        client.post(fmt::format("/api/comments/{}/responses", comment_id), {{"kind", "edit"}, {"body", "x"}}, officer)
            .status,
        400);
    EXPECT_EQ(client.post(plan + "/start-review", nlohmann::json::object(), member).status, 200);
    EXPECT_EQ(client.post(plan + "/decision", {{"outcome", "endorsed"}, {"decided_on", "2025-03-20"}}, officer).status,
              403);
    const auto decided =
        client.post(plan + "/decision", {{"outcome", "endorsed"}, {"decided_on", "2025-03-20"}}, member);
    ASSERT_EQ(decided.status, 200) << decided.body;
    EXPECT_EQ(client.get(plan + "/review", member).json()["status"], "endorsed");

    const auto programme = client.get(fmt::format("/api/programmes/{}", world.programme_here), ngo);
    const auto indicator = fmt::format("/api/programmes/{}/indicators/B2", world.programme_here);
    const auto definition =
        nlohmann::json{{"kind", "outcome"}, {"description_zh", "滿意度"}, {"unit", "percent"}, {"target", 80}}.dump();
    EXPECT_EQ(client.send({"PUT", indicator, definition, ngo, {}, {}}).status, 428);
    const auto defined = client.send({"PUT", indicator, definition, ngo, programme.header("etag"), {}});
    ASSERT_EQ(defined.status, 200) << defined.body;
    // Someone else, still on the version before that change, is told and changes nothing.
    const auto other =
        nlohmann::json{{"kind", "output"}, {"description_zh", "x"}, {"unit", "sessions"}, {"target", 1}}.dump();
    const auto stale = client.send({"PUT", indicator, other, ngo, programme.header("etag"), {}});
    EXPECT_EQ(stale.status, 412) << stale.body;
    EXPECT_EQ(stale.header("etag"), defined.header("etag"));
    const auto reading = nlohmann::json{{"value", 85}, {"period_start", "2025-04-01"}, {"period_end", "2025-06-30"}};
    EXPECT_EQ(client.post(indicator + "/readings", reading, ngo).status, 201);
    const auto history = client.get(indicator + "/readings", ngo);
    ASSERT_EQ(history.status, 200);
    EXPECT_EQ(history.json().size(), 1u);
    EXPECT_EQ(client.get(indicator + "/readings", client.sign_in("ngo.elsewhere", test_password)).status, 404);
}

TEST_P(ServerTest, BadRequestsGetAClearFourHundredAndChangeNothing) {
    const auto client = start("max_body_bytes = 65536\nmax_header_bytes = 4096\n");
    const auto token = client.sign_in("officer.here", test_password);
    const auto before = client.get(plan_path(world.draft_plan), token);

    const auto broken = client.send({"POST", "/api/login", "{\"username\": ", {}, {}, {}});
    EXPECT_EQ(broken.status, 400);
    EXPECT_EQ(broken.json()["error"]["code"], "invalid_json");
    const auto missing = client.post("/api/login", {{"username", "officer.here"}});
    EXPECT_EQ(missing.status, 400);
    EXPECT_EQ(missing.error_en(), "field 'password' is missing");
    // A key named twice means different things to different readers (a filter in front may take
    // the first): refused, as is nesting no request needs.
    const auto twice = client.send(
        {"POST", "/api/login", R"({"username": "nobody", "username": "officer.here", "password": "x"})", {}, {}, {}});
    EXPECT_EQ(twice.status, 400) << twice.body;
    EXPECT_EQ(twice.error_en(), "the key \"username\" appears twice in one JSON object");
    const auto deep = client.send({"POST", "/api/login", std::string(100, '[') + std::string(100, ']'), {}, {}, {}});
    EXPECT_EQ(deep.status, 400) << deep.body;
    const auto wrong_type = client.post("/api/login", {{"username", 7}, {"password", "x"}});
    EXPECT_EQ(wrong_type.status, 400);
    EXPECT_EQ(wrong_type.error_en(), "field 'username' must be a string");
    EXPECT_EQ(client.post(plan_path(world.submitted_plan, "/comments"), {{"body", 3}}, token).status, 400);
    EXPECT_EQ(client.post(plan_path(world.submitted_plan, "/comments"), nlohmann::json::array(), token).status, 400);
    EXPECT_EQ(client.get("/api/plans/abc", token).status, 400);
    EXPECT_EQ(client.get("/api/plans/99999", token).status, 404);
    EXPECT_EQ(client.get("/api/nothing-here", token).status, 404);
    EXPECT_EQ(client.send({"DELETE", "/api/plans", {}, token, {}, {}}).status, 405);
    const auto not_a_plan =
        client.send({"PUT", plan_path(world.draft_plan), "{\"sections\": 5}", token, before.header("etag"), {}});
    EXPECT_EQ(not_a_plan.status, 400) << not_a_plan.body;

    const auto too_big = client.send({"POST", "/api/login", std::string(70000, 'x'), {}, {}, {}});
    EXPECT_EQ(too_big.status, 413);
    const auto huge_header = client.send({"GET", "/api/me", {}, token, {}, {{"X-Padding", std::string(8000, 'y')}}});
    EXPECT_EQ(huge_header.status, 431);
    const auto garbage = client.send_raw("THIS IS NOT HTTP\r\n\r\n");
    EXPECT_EQ(garbage.rfind("HTTP/1.1 400", 0), 0u) << garbage;

    // Found by an outsider's attack: each answered 500, leaked internals or smuggled a request.
    EXPECT_EQ(
        client.post(plan_path(world.submitted_plan, "/comments"), {{"body", std::string("\0x", 2)}}, token).status,
        400);
    const auto bad_utf8 = client.get("/api/plans?district=%ff", token);
    EXPECT_EQ(bad_utf8.status, 404) << bad_utf8.body;  // no such district, in a body that is valid JSON
    EXPECT_EQ(client.get("/api/plans/%ff", token).status, 400);
    const auto huge_name = client.post("/api/login", {{"username", std::string(30000, 'a')}, {"password", "x"}});
    EXPECT_EQ(huge_name.status, 401);
    const auto smuggled = client.send_raw(
        "POST /api/login HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: xchunked\r\n\r\n"
        "GET /api/me HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " +
        token + "\r\n\r\n");
    EXPECT_EQ(smuggled.rfind("HTTP/1.1 400", 0), 0u) << smuggled;
    EXPECT_EQ(smuggled.find("officer.here"), std::string::npos) << "the second request must not run";
    EXPECT_EQ(client.send({"GET", "/api/me", {}, {}, {}, {{"Authorization", "bearer " + token}}}).status, 200);

    // A misspelt optional field is refused, not dropped: the comment would be saved without its area.
    const auto review = client.get(plan_path(world.submitted_plan, "/review"), token);
    ASSERT_EQ(review.status, 200) << review.body;
    const auto misspelt =
        client.post(plan_path(world.submitted_plan, "/comments"), {{"body", "x"}, {"area", "family"}}, token);
    EXPECT_EQ(misspelt.status, 400) << misspelt.body;
    EXPECT_EQ(misspelt.json()["error"]["code"], "unknown_field");
    EXPECT_EQ(misspelt.error_en(), "this request takes no field 'area'; its fields are: area_id, body, focus_point_id");
    EXPECT_EQ(client.get(plan_path(world.submitted_plan, "/review"), token).body, review.body);
    const auto long_name =
        client.post(plan_path(world.submitted_plan, "/comments"), {{"body", "x"}, {std::string(30000, 'k'), 1}}, token);
    EXPECT_EQ(long_name.status, 400);
    EXPECT_LT(long_name.body.size(), 1000u) << "the name is not echoed in full";

    // Longer than a comment may be, on either database: refused with the limit, not a 500.
    const auto long_comment =
        client.post(plan_path(world.submitted_plan, "/comments"), {{"body", std::string(20001, 'x')}}, token);
    EXPECT_EQ(long_comment.status, 400) << long_comment.body;
    EXPECT_EQ(long_comment.error_en(),
              "the text has 20001 characters; at most 20000 are allowed, shorten it and try again");

    const auto after = client.get(plan_path(world.draft_plan), token);
    EXPECT_EQ(after.body, before.body);
    EXPECT_EQ(after.header("etag"), before.header("etag"));
}

// Minutes longer than MariaDB's text column (65,535 bytes): the field is named in a 400 and nothing
// is stored, whether the text ends past the limit on a whole character or inside one (which
// MariaDB reports differently). SQLite has no such limit and keeps them. A comment is limited on
// both databases, in bytes too (emoji take 4).
TEST_P(ServerTest, TextLongerThanTheDatabaseHoldsIsAFourHundredNamingTheField) {
    const auto client = start();
    const auto officer = client.sign_in("officer.here", test_password);
    const auto path = meeting_path();
    std::string chinese = "a";
    for (int i = 0; i < 21845; ++i) chinese += "字";
    for (const auto& minutes : {std::string(70000, 'x'), chinese}) {
        const auto seen = client.get(path, officer);
        ASSERT_EQ(seen.status, 200) << seen.body;
        const auto answer = put_minutes(client, officer, path, seen.header("etag"), 1, minutes);
        if (GetParam() == Dialect::sqlite) {
            EXPECT_EQ(answer.status, 200) << answer.body;
            continue;
        }
        EXPECT_EQ(answer.status, 400) << answer.body;
        EXPECT_NE(answer.error_en().find("the text for 'minutes' is longer than the database can store"),
                  std::string::npos)
            << answer.body;
        EXPECT_EQ(client.get(path, officer).header("etag"), seen.header("etag")) << "nothing was changed";
    }
    std::string emoji;
    for (int i = 0; i < 17000; ++i) emoji += "\U0001F600";
    const auto comment = client.post(plan_path(world.submitted_plan, "/comments"), {{"body", emoji}}, officer);
    EXPECT_EQ(comment.status, 400) << comment.body;
    EXPECT_EQ(comment.error_en(),
              "the text takes 68000 bytes; at most 65535 fit (emoji and rare characters take 4 bytes each), shorten "
              "it and try again");
}

TEST_P(ServerTest, NoClientCanHoldTheServer) {
    auto client = start(
        "max_connections = 3\nmax_connections_per_client = 0\nread_timeout_seconds = 1\nidle_timeout_seconds = 1\n");
    // A client that sends half a request is cut off after the timeout, with nothing answered.
    const auto began = std::chrono::steady_clock::now();
    EXPECT_EQ(client.send_raw("GET /api/me HTTP/1.1\r\nHost: x\r\n"), "");
    EXPECT_LT(std::chrono::steady_clock::now() - began, std::chrono::seconds(30));
    // Connections over the limit are answered 503 and closed; the others still work.
    {
        const auto first = client.hold_connection(), second = client.hold_connection(),
                   third = client.hold_connection();
        std::this_thread::sleep_for(std::chrono::milliseconds(200));  // let the server accept them
        EXPECT_EQ(client.get("/api/openapi.json").status, 503);
        std::this_thread::sleep_for(std::chrono::milliseconds(2500));  // the idle ones are closed
        EXPECT_EQ(client.get("/api/openapi.json").status, 200);
    }
    // One client address may not take them all.
    server.reset();
    client = start("max_connections = 100\nmax_connections_per_client = 2\n");
    const auto first = client.hold_connection(), second = client.hold_connection();
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    const auto refused = client.get("/api/openapi.json");
    EXPECT_EQ(refused.status, 503);
    EXPECT_EQ(refused.json()["error"]["code"], "too_many_connections");
}

// A stolen token is no shortcut: wrong current passwords count as failed sign-ins.
TEST_P(ServerTest, WrongCurrentPasswordsLockTheAccountLikeFailedSignIns) {
    const auto client = start();
    const auto token = client.sign_in("officer.here", test_password);
    for (int i = 0; i < 5; ++i) {
        const auto wrong = client.post(
            "/api/me/password",
            {{"current_password", "guess " + std::to_string(i)}, {"new_password", "a new long password"}}, token);
        EXPECT_EQ(wrong.status, 403) << wrong.body;
        EXPECT_EQ(wrong.json()["error"]["message"]["en"],
                  "the current password is wrong; the password was not changed");
    }
    const auto locked = client.post("/api/login", {{"username", "officer.here"}, {"password", test_password}});
    EXPECT_EQ(locked.status, 401);
    EXPECT_NE(locked.body.find("the account is locked"), std::string::npos) << locked.body;
    const auto right = client.post(
        "/api/me/password", {{"current_password", test_password}, {"new_password", "a new long password"}}, token);
    EXPECT_EQ(right.status, 403);
    EXPECT_NE(right.body.find("the account is locked"), std::string::npos) << right.body;
    EXPECT_EQ(client.get("/api/me", token).status, 200) << "the session itself goes on";
}

TEST_P(ServerTest, PasswordChangeAndDisablingEndSessionsAtOnce) {
    const auto client = start();
    const auto token = client.sign_in("officer.here", test_password);
    const auto before = client.get("/api/me", token);
    const auto wrong = client.post(
        "/api/me/password", {{"current_password", "not it at all"}, {"new_password", "a new long password"}}, token);
    EXPECT_EQ(wrong.status, 403);
    const auto changed = client.post(
        "/api/me/password", {{"current_password", test_password}, {"new_password", "a new long password"}}, token);
    EXPECT_EQ(changed.status, 204) << changed.body;
    EXPECT_EQ(client.get("/api/me", token).status, 401);
    const auto again = client.sign_in("officer.here", "a new long password");
    const auto after = client.get("/api/me", again);
    EXPECT_EQ(after.status, 200);
    // The account's version moved with the change (and not with the refused one).
    EXPECT_EQ(after.json()["version"].get<int>(), before.json()["version"].get<int>() + 1);
    EXPECT_EQ(after.header("etag"), fmt::format("\"{}\"", after.json()["version"].get<int>()));

    // An administrator's password reset, as typed at the shell, ends the session too.
    const auto url = test_database().url();
    const auto reset = run_command("/bin/sh", {"-c",
                                               std::string("echo 'set by the admin 1' | ") + DPLAN_EXECUTABLE +
                                                   " --lang en --db \"$0\" user passwd officer.here",
                                               url});
    ASSERT_EQ(reset.exit_code, 0) << reset.out << reset.err;
    EXPECT_NE(reset.out.find("their sessions have ended"), std::string::npos) << reset.out;
    EXPECT_EQ(client.get("/api/me", again).status, 401);
    const auto last = client.sign_in("officer.here", "set by the admin 1");

    const auto disabled =
        run_command(DPLAN_EXECUTABLE, {"--lang", "en", "--db", url, "user", "disable", "officer.here"});
    ASSERT_EQ(disabled.exit_code, 0) << disabled.out << disabled.err;
    EXPECT_EQ(client.get("/api/me", last).status, 401);
    // Nor can the account act on the database directly any more.
    const auto acting =
        run_command(DPLAN_EXECUTABLE, {"--lang", "en", "--db", url, "--user", "officer.here", "plan", "list"});
    EXPECT_NE(acting.exit_code, 0);
    EXPECT_NE((acting.out + acting.err).find("disabled"), std::string::npos) << acting.out << acting.err;
    EXPECT_EQ(client.post("/api/login", {{"username", "officer.here"}, {"password", "set by the admin 1"}}).status,
              401);
}

// Plans are answered from the server's memory while nothing changed (services/read_cache.hpp);
// an edit made in direct database mode, by another process, is in the very next answer. The same
// with the memory switched off.
TEST_P(ServerTest, APlanEditedInDirectDatabaseModeIsReadFreshRightAfter) {
    for (const std::string settings : {"", "change_check_interval_ms = 0\n"}) {
        SCOPED_TRACE(settings);
        server.reset();
        const auto client = start(settings);
        const auto officer = client.sign_in("officer.here", test_password);
        const auto before = client.get(plan_path(world.draft_plan), officer);
        ASSERT_EQ(before.status, 200) << before.body;
        ASSERT_EQ(client.get(plan_path(world.draft_plan), officer).body, before.body);

        const std::string theme = "Changed at the office " + std::to_string(before.json()["version"].get<int>());
        const auto edited =
            run_command(DPLAN_EXECUTABLE,
                        {"--lang", "en", "--db", test_database().url(), "--plugin-dir", DPLAN_BUILT_PLUGIN_DIR,
                         "--allow-unsigned", "--user", "officer.here", "plan", "edit", std::to_string(world.draft_plan),
                         "--reason", "edited at the office", "--theme-en", theme});
        ASSERT_EQ(edited.exit_code, 0) << edited.out << edited.err;
        const auto after = client.get(plan_path(world.draft_plan), officer);
        ASSERT_EQ(after.status, 200) << after.body;
        EXPECT_EQ(after.json()["theme"]["en"], theme);
        EXPECT_EQ(after.json()["version"], before.json()["version"].get<int>() + 1);
    }
}

TEST_P(ServerTest, AdministratorsReadTheAuditLogOfWhatWasDoneOverHttp) {
    const auto client = start();
    const auto officer = client.sign_in("officer.here", test_password);
    const auto commented = client.post(plan_path(world.submitted_plan, "/comments"), {{"body", "請補充數據"}}, officer);
    ASSERT_EQ(commented.status, 201) << commented.body;
    EXPECT_EQ(client.get("/api/audit", officer).status, 403) << "officers do not read the audit log";
    EXPECT_EQ(client.get("/api/audit/verify", officer).status, 403);

    const auto admin = client.sign_in("admin", test_password);
    const auto comments = client.get("/api/audit?object_type=comment", admin);
    ASSERT_EQ(comments.status, 200) << comments.body;
    ASSERT_EQ(comments.json().size(), 1u) << comments.body;
    const auto entry = comments.json()[0];
    EXPECT_EQ(entry["actor"]["name"], "officer.here");
    EXPECT_EQ(entry["actor"]["origin"], "127.0.0.1") << "the client's address";
    EXPECT_EQ(entry["changes"]["/body"]["after"], "請補充數據");
    const auto sign_ins = client.get("/api/audit?object_type=user&limit=50", admin);
    ASSERT_EQ(sign_ins.status, 200);
    bool officer_signed_in = false;
    for (const auto& item : sign_ins.json()) {
        officer_signed_in =
            officer_signed_in || (item["action"] == "sign in" && item["actor"]["name"] == "officer.here");
    }
    EXPECT_TRUE(officer_signed_in) << sign_ins.body;

    const auto verified = client.get("/api/audit/verify", admin);
    ASSERT_EQ(verified.status, 200);
    EXPECT_EQ(verified.json()["intact"], true);
    EXPECT_EQ(client.get("/api/audit?limit=many", admin).status, 400);
    EXPECT_EQ(client.get("/api/audit?since=yesterday", admin).status, 400);
    EXPECT_EQ(client.get("/api/audit?limit=5000", admin).status, 400);
}

TEST_P(ServerTest, TlsServesOnlyTls) {
    const auto certificate = (folder / "cert.pem").string(), key = (folder / "key.pem").string();
    const auto made = run_command(DPLAN_EXECUTABLE, {"cert", "self-signed", "--cert", certificate, "--key", key});
    ASSERT_EQ(made.exit_code, 0) << made.out << made.err;
    EXPECT_EQ(std::filesystem::status(key).permissions() & std::filesystem::perms::group_all,
              std::filesystem::perms::none);
    const auto plain = start({}, {"--tls-cert", certificate, "--tls-key", key});
    const HttpClient tls(server->port(), certificate);
    const auto token = tls.sign_in("viewer", test_password);
    EXPECT_EQ(tls.get(plan_path(world.submitted_plan), token).status, 200);
    EXPECT_ANY_THROW(plain.get("/api/me"));  // plain HTTP gets no HTTP answer
}

TEST_P(ServerTest, SigtermStopsTheServerCleanly) {
    const auto client = start();
    EXPECT_FALSE(client.sign_in("viewer", test_password).empty());
    EXPECT_EQ(server->stop(), 0);
}

DPLAN_INSTANTIATE_BACKEND_TESTS(ServerTest);

}  // namespace
}  // namespace dplan::testing
