// A meeting as an iCalendar file (RFC 5545): one VEVENT with the times in UTC, the venue or
// online link, the agenda as the description, the chair as organiser and every invitee as an
// attendee with their reply (present = accepted, apologies/absent = declined). Written with
// libical, which escapes text, quotes parameters and folds lines (never inside a UTF-8 sequence).
#pragma once

#include <string>
#include <vector>

#include "domain/meeting.hpp"

namespace dplan {

// `stakeholders` supplies e-mail addresses; people without a valid one get a urn: address.
// `stamp` is the UTC creation time in basic form, e.g. "20241123T120000Z".
std::string meeting_icalendar(const Meeting& meeting, const std::vector<Stakeholder>& stakeholders,
                              const std::string& stamp);

}  // namespace dplan
