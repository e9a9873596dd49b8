// An answer other than success decided by the API layer itself (bad JSON, a missing field, a
// missing If-Match): its HTTP status, a short machine-readable code and the bilingual message.
// Errors from the services (InvalidInput, NotFound, ...) are mapped to statuses in api.cpp.
#pragma once

#include <string>

#include "domain/error.hpp"

namespace dplan::server {

class ApiError : public Error {
  public:
    ApiError(int status, std::string code, Bilingual message)
        : Error(std::move(message)), status_(status), code_(std::move(code)) {}
    int status() const { return status_; }
    const std::string& code() const { return code_; }

  private:
    int status_;
    std::string code_;
};

}  // namespace dplan::server
