// Errors are typed and carry their message in both languages; the edge (CLI, HTTP handler,
// plugin boundary) picks the language and turns them into one clear line.
#pragma once

#include <stdexcept>

#include "domain/bilingual.hpp"

namespace dplan {

class Error : public std::runtime_error {
  public:
    explicit Error(Bilingual message) : std::runtime_error(message.en), message_(std::move(message)) {}
    const Bilingual& message() const { return message_; }

  private:
    Bilingual message_;
};

// The user asked for something that does not exist (a plan id, a district code).
class NotFound : public Error {
    using Error::Error;
};

// The input is malformed or breaks a rule; nothing was written.
class InvalidInput : public Error {
    using Error::Error;
};

// Someone else changed the data first; nothing was written.
class Conflict : public Error {
    using Error::Error;
};

// No token, an unknown one, or one that expired, was revoked or belongs to a disabled account
// (services/sign_in.hpp); also a write whose session ended while it waited for its turn.
class NotSignedIn : public Error {
    using Error::Error;
};

// The database could not be reached, opened, read or written.
class StorageError : public Error {
    using Error::Error;
};

// The connection broke while a write was committing and no one can tell whether it was saved:
// doing it again blindly could do it twice.
class OutcomeUnknown : public StorageError {
    using StorageError::StorageError;
};

// The database's schema is not one this binary can work with.
class SchemaError : public StorageError {
    using StorageError::StorageError;
};

}  // namespace dplan
