// Who may do what: every public service method begins with one call to authorize(), and every
// list asks read_scope() for the SQL conditions that keep out what its reader may not see. The
// whole policy is the one table in authorization.cpp (also printed in the README):
//
//   role              scope
//   system, admin     everything (system: the local account of direct database mode)
//   officer           their own district: its plans, meetings, programmes and readings
//   committee_member  their own district's submitted plans: read, comment, review, decide; its
//                     meetings (read, raise views, record decisions) and programmes (read)
//   ngo               their own organisation's programmes and readings; meetings their
//                     organisation takes part in (read, raise views); submitted plans (read)
//   viewer            submitted plans (read)
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "domain/bilingual.hpp"
#include "domain/error.hpp"
#include "domain/plan_status.hpp"
#include "domain/read_scope.hpp"
#include "domain/user.hpp"

namespace dplan {

// Every operation a service offers that needs a permission. A new service method either maps to
// one of these or adds one here, to the table in authorization.cpp and to the permission test.
enum class Operation {
    list_plans,
    read_plan,
    create_plan,
    edit_plan,
    submit_plan,
    start_review,
    comment_on_plan,
    decide_plan,
    read_meeting,
    create_meeting,
    edit_meeting,  // attendance, agenda, minutes
    raise_view,
    respond_to_view,  // addressed in the plan, or not adopted
    manage_actions,
    decide_meeting,
    read_programme,
    create_programme,
    edit_programme,  // link to focus points, define indicators
    record_reading,  // readings, corrections and CSV imports
    read_directory,  // organisations and stakeholders
    edit_directory,
    read_districts,
    manage_districts,  // add a district, rename one, change its default council, committee and office
    manage_users,
    read_collaboration,  // the cross-sector matrix and the trace of views
    inspect_database,    // its schema version, and whether anything changed since a moment ago
    administer_database,
    read_audit_log,  // list the audit log's entries and verify its chain
};

inline constexpr Operation all_operations[] = {
    Operation::list_plans,         Operation::read_plan,        Operation::create_plan,
    Operation::edit_plan,          Operation::submit_plan,      Operation::start_review,
    Operation::comment_on_plan,    Operation::decide_plan,      Operation::read_meeting,
    Operation::create_meeting,     Operation::edit_meeting,     Operation::raise_view,
    Operation::respond_to_view,    Operation::manage_actions,   Operation::decide_meeting,
    Operation::read_programme,     Operation::create_programme, Operation::edit_programme,
    Operation::record_reading,     Operation::read_directory,   Operation::edit_directory,
    Operation::read_districts,     Operation::manage_districts, Operation::manage_users,
    Operation::read_collaboration, Operation::inspect_database, Operation::administer_database,
    Operation::read_audit_log,
};

std::string_view operation_code(Operation operation);

// How far a role's permission for an operation reaches.
enum class Grant {
    never,
    always,
    own_district,            // the subject is in the user's district
    own_district_submitted,  // ... and, for a plan, no longer a draft
    submitted,               // a plan that is no longer a draft
    own_organisation,        // the subject belongs to, or involves, the user's organisation
};

Grant grant_for(Role role, Operation operation);

// What an operation touches, as far as permissions care.
struct Subject {
    std::optional<std::int64_t> district_id;
    std::vector<std::int64_t> organisations;  // a programme's organisation; a meeting's participants'
    std::optional<PlanStatus> plan_status;
    Bilingual name;  // "plan 3" / "計劃 3", for the refusal
};

bool is_allowed(const User& user, Operation operation, const Subject& subject = {});

// Throws PermissionDenied naming the user, the operation and the subject, in both languages.
void authorize(const User& user, Operation operation, const Subject& subject = {});

// The rows of a list this user may see, for the repositories to apply in SQL.
ReadScope read_scope(const User& user, Operation operation);

// read_scope() for a list method, which begins with it: refuses (PermissionDenied) a user whose
// role may read none of it, so "not allowed" and "nothing there" read differently.
ReadScope authorize_list(const User& user, Operation operation);

// Whether the role may do the operation on anything at all (for front ends deciding what to show).
bool may_ever(const User& user, Operation operation);

class PermissionDenied : public Error {
    using Error::Error;
};

}  // namespace dplan
