// What part of the data a user may read, as the service layer's authorization decides it
// (services/authorization.hpp). Every list filter carries one, and the repositories turn it into
// SQL conditions, so rows a user may not read are never loaded at all.
#pragma once

#include <cstdint>
#include <optional>

namespace dplan {

struct ReadScope {
    bool nothing = false;                         // the user may read none of it
    std::optional<std::int64_t> district_id;      // only this district's
    std::optional<std::int64_t> organisation_id;  // only this organisation's (programmes) or
                                                  // where it takes part (meetings)
    bool submitted_only = false;                  // plans: not drafts

    // The scope of a user who may read everything.
    static ReadScope everything() { return {}; }
};

}  // namespace dplan
