// A meeting as an iCalendar file (RFC 5545): one VEVENT with the times in UTC, the venue or
// online link, the agenda as the description, the chair as organiser and every invitee as an
// attendee with their reply (present = accepted, apologies/absent = declined).
#pragma once

#include <string>
#include <vector>

#include "domain/meeting.hpp"

namespace dplan {

// `stakeholders` supplies e-mail addresses; people without one get a urn: address.
// `stamp` is the UTC creation time in basic form, e.g. "20241123T120000Z".
std::string meeting_icalendar(const Meeting& meeting, const std::vector<Stakeholder>& stakeholders,
                              const std::string& stamp);

// RFC 5545 text escaping and line folding, exposed for tests.
std::string icalendar_escape(std::string_view text);
std::string icalendar_fold(std::string_view line);

}  // namespace dplan
