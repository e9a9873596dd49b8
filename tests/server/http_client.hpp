// A Beast HTTP client for the black-box tests: one request per call over a new connection (plain
// or TLS), and every answer checked against docs/openapi.json by scripts/validate_response.py.
#pragma once

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace dplan::testing {

struct HttpAnswer {
    int status = 0;
    std::map<std::string, std::string> headers;  // lower-case names
    std::string body;

    nlohmann::json json() const { return nlohmann::json::parse(body); }
    std::string header(const std::string& name) const;
    // The English error message of an error answer.
    std::string error_en() const;
};

struct HttpCall {
    std::string method = "GET";
    std::string target;
    std::string body;
    std::string token;     // Authorization: Bearer
    std::string if_match;  // sent when not empty
    std::map<std::string, std::string> headers;
};

class HttpClient {
  public:
    explicit HttpClient(unsigned short port, std::string tls_certificate = {})
        : port_(port), tls_certificate_(std::move(tls_certificate)) {}

    // Sends the call and checks the answer against the OpenAPI document (ADD_FAILURE otherwise).
    HttpAnswer send(const HttpCall& call) const;
    HttpAnswer get(const std::string& target, const std::string& token = {}) const;
    HttpAnswer post(const std::string& target, const nlohmann::json& body, const std::string& token = {}) const;
    // A token for the user, or a test failure.
    std::string sign_in(const std::string& username, const std::string& password) const;

    // Writes `raw` as it is and returns what comes back until the server closes the connection,
    // for requests no client library would send (and clients that stop half-way).
    std::string send_raw(const std::string& raw) const;
    // A connection that sends nothing, held open while it lives.
    std::shared_ptr<void> hold_connection() const;

  private:
    HttpAnswer exchange(const HttpCall& call) const;
    unsigned short port_;
    std::string tls_certificate_;
};

// Checks one answer against docs/openapi.json; an empty string when it conforms, else why not.
std::string openapi_violation(const HttpCall& call, const HttpAnswer& answer);

}  // namespace dplan::testing
