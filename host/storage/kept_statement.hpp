// Statements a connection keeps prepared for as long as it is open: the few SQL texts a busy
// server runs on every write (checking the session, adding a comment, chaining its audit entry).
// SOCI 4.0 prepares a statement anew each time it runs one, and for statements this small SQLite
// spends more time compiling the SQL than running it.
#pragma once

#include <soci/soci.h>

#include <memory>
#include <typeindex>
#include <unordered_map>

namespace dplan {

// A kept statement is a type holding the values it binds (soci::use and soci::into take their
// addresses) and the statement bound to them, prepared in its constructor from a soci::session&:
//
//   struct FindHead final : KeptStatement {
//       long long sequence = 0;
//       soci::statement statement;
//       explicit FindHead(soci::session& s) : statement((s.prepare << "SELECT ...", soci::into(sequence))) {}
//   };
//
// It is run with Database::run_kept(), which leaves no SQLite read open between uses.
struct KeptStatement {
    KeptStatement() = default;
    virtual ~KeptStatement() = default;
    // The statement holds the addresses of the members: the object never moves.
    KeptStatement(const KeptStatement&) = delete;
    KeptStatement& operator=(const KeptStatement&) = delete;
};

class KeptStatements {
  public:
    // This connection's statement of type T, prepared the first time it is asked for.
    template <typename T>
    T& get(soci::session& session) {
        auto& slot = kept_[std::type_index(typeid(T))];
        if (!slot) slot = std::make_unique<T>(session);
        return static_cast<T&>(*slot);
    }

    // Before the connection closes or is replaced by a reconnect: the statements belong to it.
    void forget() { kept_.clear(); }

  private:
    std::unordered_map<std::type_index, std::unique_ptr<KeptStatement>> kept_;
};

}  // namespace dplan
