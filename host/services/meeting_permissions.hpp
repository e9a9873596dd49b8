// Who may do what with a district's meetings, enforced in the service layer like plan permissions.
//
//   system, admin       everything
//   officer             organises their own district's meetings: agenda, attendance, minutes,
//                       views and what was done about them, decisions, action items
//   committee_member    reads; raises views; records the committee's decisions
//   ngo                 reads; raises views
//   viewer              reads
#pragma once

#include <cstdint>

#include "domain/user.hpp"
#include "services/permissions.hpp"

namespace dplan {

enum class MeetingAction { read, organise, raise_view, decide };

bool is_allowed(const User& user, MeetingAction action, std::int64_t district_id);

// Throws PermissionDenied naming the user, the action and the meeting's district.
void require(const User& user, MeetingAction action, std::int64_t district_id);

}  // namespace dplan
