// docs/openapi.json and the server's routes describe the same API: every route the server
// registers is in the document with its method, and every operation the document describes is a
// route. The document the server serves is this file, embedded at build time.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "server/api.hpp"
#include "server/openapi_document.hpp"
#include "server/request_target.hpp"

namespace dplan::server {
namespace {

nlohmann::json repository_document() {
    std::ifstream in(std::string(DPLAN_SOURCE_DIR) + "/docs/openapi.json");
    return nlohmann::json::parse(in);
}

TEST(OpenApi, EveryRouteIsDescribedAndEveryDescribedOperationIsARoute) {
    std::set<std::string> routes, described;
    const auto router = api_router();
    for (const auto& route : router.routes()) routes.insert(route.method + " " + route.pattern);
    const auto document = repository_document();
    for (const auto& [path, operations] : document.at("paths").items()) {
        for (const auto& [method, operation] : operations.items()) {
            std::string upper = method;
            for (auto& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
            described.insert(upper + " " + path);
            EXPECT_TRUE(operation.at("responses").contains("default")) << upper << ' ' << path;
        }
    }
    for (const auto& route : routes) EXPECT_TRUE(described.count(route)) << route << " is not in docs/openapi.json";
    for (const auto& operation : described) EXPECT_TRUE(routes.count(operation)) << operation << " is not a route";
}

TEST(OpenApi, TheServedDocumentIsTheRepositorysAndIsOpenApiThree) {
    const auto served = nlohmann::json::parse(openapi_document());
    EXPECT_EQ(served, repository_document());
    EXPECT_EQ(served.at("openapi").get<std::string>().substr(0, 2), "3.");
}

TEST(OpenApi, OnlySignInAndTheDocumentItselfAreOpenWithoutAToken) {
    std::set<std::string> open;
    const auto router = api_router();
    for (const auto& route : router.routes()) {
        if (!route.needs_sign_in) open.insert(route.method + " " + route.pattern);
    }
    EXPECT_EQ(open, (std::set<std::string>{"POST /api/login", "GET /api/openapi.json"}));
}

TEST(RequestTarget, QueryParametersAreDecodedAndProxiesBelievedOnlyWhenTrusted) {
    const auto [path, query] = split_request_target("/api/plans?district=%E6%B2%B3%E7%95%94&year=2025-26&x");
    EXPECT_EQ(path, "/api/plans");
    EXPECT_EQ(query.at("district"), "河畔");
    EXPECT_EQ(query.at("year"), "2025-26");
    EXPECT_EQ(query.at("x"), "");
    EXPECT_EQ(split_request_target("/a?b=%zz").second.at("b"), "%zz");
    // The router decodes each segment: an encoded slash stays inside its segment.
    const auto router = api_router();
    EXPECT_EQ(router.match("GET", split_request_target("/api/plans%2f1").first).route, nullptr);
    const auto code = router.match("GET", "/api/programmes/1/indicators/1A%2Bb/readings");
    ASSERT_NE(code.route, nullptr);
    EXPECT_EQ(code.parameters.at("code"), "1A+b");
    EXPECT_EQ(router.match("GET", "/api/programmes/1/indicators/1A+b/readings").parameters.at("code"), "1A+b");
    EXPECT_EQ(client_address("10.0.0.5", "203.0.113.9", {}), "10.0.0.5");
    EXPECT_EQ(client_address("10.0.0.5", "198.51.100.1, 203.0.113.9", {"10.0.0.5"}), "203.0.113.9");
    EXPECT_EQ(client_address("10.0.0.5", "198.51.100.1, 2001:db8::1", {"10.0.0.5"}), "2001:db8::1");
    // A proxy passing on what the client sent: only an address is taken.
    EXPECT_EQ(client_address("10.0.0.5", "\xff\xfe'\\", {"10.0.0.5"}), "10.0.0.5");
    EXPECT_EQ(client_address("10.0.0.5", "203.0.113.9, unknown", {"10.0.0.5"}), "10.0.0.5");
    EXPECT_EQ(client_address("10.0.0.5", "203.0.113.9; DROP", {"10.0.0.5"}), "10.0.0.5");
    EXPECT_EQ(client_address("10.0.0.5", "fe80::1%eth0", {"10.0.0.5"}), "10.0.0.5");
}

}  // namespace
}  // namespace dplan::server
