// Who may touch which plan, enforced in the service layer so that every front end (CLI, server,
// dashboard) gets the same answer.
//
//   system, admin       everything
//   officer             reads every plan of their district; edits, submits and comments there
//   committee_member    reads plans once submitted; comments, starts review, records decisions
//   ngo, viewer         read plans once submitted
#pragma once

#include "domain/error.hpp"
#include "domain/plan.hpp"
#include "domain/user.hpp"

namespace dplan {

enum class PlanAction { read, edit, submit, comment, review, decide };

bool is_allowed(const User& user, PlanAction action, const Plan& plan);

// Throws PermissionDenied naming the user, the action and the plan.
void require(const User& user, PlanAction action, const Plan& plan);

class PermissionDenied : public Error {
    using Error::Error;
};

}  // namespace dplan
