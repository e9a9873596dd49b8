#include "server/http_client.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <fstream>

#include "support/run_command.hpp"
#include "support/test_database.hpp"

namespace dplan::testing {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

std::string HttpAnswer::header(const std::string& name) const {
    const auto found = headers.find(name);
    return found == headers.end() ? std::string() : found->second;
}

std::string HttpAnswer::error_en() const {
    try {
        return json().at("error").at("message").at("en").get<std::string>();
    } catch (const std::exception&) {
        return "(not an error body: " + body + ")";
    }
}

namespace {

http::request<http::string_body> build(const HttpCall& call) {
    http::request<http::string_body> request(http::string_to_verb(call.method), call.target, 11);
    request.set(http::field::host, "127.0.0.1");
    if (!call.token.empty()) request.set(http::field::authorization, "Bearer " + call.token);
    if (!call.if_match.empty()) request.set(http::field::if_match, call.if_match);
    for (const auto& [name, value] : call.headers) request.set(name, value);
    if (!call.body.empty()) {
        request.set(http::field::content_type, "application/json");
        request.body() = call.body;
    }
    request.prepare_payload();
    return request;
}

HttpAnswer answer_of(http::response<http::string_body>& response) {
    HttpAnswer answer;
    answer.status = static_cast<int>(response.result_int());
    for (const auto& field : response) {
        std::string name(field.name_string());
        std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
        answer.headers[name] = std::string(field.value());
    }
    answer.body = response.body();
    return answer;
}

template <typename Stream>
HttpAnswer round_trip(Stream& stream, const HttpCall& call) {
    auto request = build(call);
    http::write(stream, request);
    beast::flat_buffer buffer;
    http::response_parser<http::string_body> parser;
    parser.body_limit(64 * 1024 * 1024);
    http::read(stream, buffer, parser);
    auto response = parser.release();
    return answer_of(response);
}

}  // namespace

HttpAnswer HttpClient::exchange(const HttpCall& call) const {
    asio::io_context io;
    tcp::endpoint endpoint(asio::ip::make_address("127.0.0.1"), port_);
    if (tls_certificate_.empty()) {
        beast::tcp_stream stream(io);
        stream.expires_after(std::chrono::seconds(60));
        stream.connect(endpoint);
        return round_trip(stream, call);
    }
    asio::ssl::context context(asio::ssl::context::tls_client);
    context.load_verify_file(tls_certificate_);
    context.set_verify_mode(asio::ssl::verify_peer);
    beast::ssl_stream<beast::tcp_stream> stream(io, context);
    SSL_set_tlsext_host_name(stream.native_handle(), "localhost");
    stream.set_verify_callback(asio::ssl::host_name_verification("localhost"));
    beast::get_lowest_layer(stream).expires_after(std::chrono::seconds(60));
    beast::get_lowest_layer(stream).connect(endpoint);
    stream.handshake(asio::ssl::stream_base::client);
    return round_trip(stream, call);
}

HttpAnswer HttpClient::send(const HttpCall& call) const {
    auto answer = exchange(call);
    if (const auto why = openapi_violation(call, answer); !why.empty()) {
        ADD_FAILURE() << call.method << ' ' << call.target << " answered " << answer.status
                      << " not as docs/openapi.json says: " << why;
    }
    return answer;
}

HttpAnswer HttpClient::get(const std::string& target, const std::string& token) const {
    return send({"GET", target, {}, token, {}, {}});
}

HttpAnswer HttpClient::post(const std::string& target, const nlohmann::json& body, const std::string& token) const {
    return send({"POST", target, body.dump(), token, {}, {}});
}

std::string HttpClient::sign_in(const std::string& username, const std::string& password) const {
    const auto answer = post("/api/login", {{"username", username}, {"password", password}});
    EXPECT_EQ(answer.status, 200) << username << ": " << answer.body;
    if (answer.status != 200) return {};
    return answer.json().at("token").get<std::string>();
}

std::string HttpClient::send_raw(const std::string& raw) const {
    asio::io_context io;
    beast::tcp_stream stream(io);
    stream.expires_after(std::chrono::seconds(60));
    stream.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port_));
    asio::write(stream, asio::buffer(raw));
    std::string received;
    beast::error_code ec;
    char buffer[4096];
    for (;;) {
        const auto got = stream.read_some(asio::buffer(buffer), ec);
        if (ec) break;
        received.append(buffer, got);
    }
    return received;
}

std::shared_ptr<void> HttpClient::hold_connection() const {
    struct Held {
        asio::io_context io;
        tcp::socket socket{io};
    };
    auto held = std::make_shared<Held>();
    held->socket.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port_));
    return held;
}

std::string openapi_violation(const HttpCall& call, const HttpAnswer& answer) {
    const auto folder = make_temp_dir("openapi-check");
    const auto body_file = folder / "body";
    std::ofstream(body_file, std::ios::binary) << answer.body;
    const auto result = run_command("/usr/bin/python3",
                                    {std::string(DPLAN_SOURCE_DIR) + "/scripts/validate_response.py",
                                     std::string(DPLAN_SOURCE_DIR) + "/docs/openapi.json", call.method, call.target,
                                     std::to_string(answer.status), answer.header("content-type"), body_file.string()});
    std::filesystem::remove_all(folder);
    if (result.exit_code == 0) return {};
    return result.out + result.err;
}

}  // namespace dplan::testing
