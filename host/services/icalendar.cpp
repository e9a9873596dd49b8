#include "services/icalendar.hpp"

#include <fmt/format.h>

#include "services/time_zone.hpp"

namespace dplan {

std::string icalendar_escape(std::string_view text) {
    std::string out;
    for (const char c : text) {
        switch (c) {
            case '\\': out += "\\\\"; break;
            case ';': out += "\\;"; break;
            case ',': out += "\\,"; break;
            case '\n': out += "\\n"; break;
            case '\r': break;
            default: out += c;
        }
    }
    return out;
}

// Lines longer than 75 octets continue on the next line after CRLF and a space, never inside a
// UTF-8 sequence (RFC 5545 section 3.1).
std::string icalendar_fold(std::string_view line) {
    std::string out;
    std::size_t width = 0;
    for (std::size_t i = 0; i < line.size();) {
        std::size_t length = 1;
        const auto lead = static_cast<unsigned char>(line[i]);
        if (lead >= 0xF0) {
            length = 4;
        } else if (lead >= 0xE0) {
            length = 3;
        } else if (lead >= 0xC0) {
            length = 2;
        }
        if (width + length > 75) {
            out += "\r\n ";
            width = 1;
        }
        out.append(line.substr(i, length));
        width += length;
        i += length;
    }
    return out + "\r\n";
}

std::string meeting_icalendar(const Meeting& meeting, const std::vector<Stakeholder>& stakeholders,
                              const std::string& stamp) {
    auto address = [&](std::int64_t id) {
        for (const auto& stakeholder : stakeholders) {
            if (stakeholder.id == id && !stakeholder.email.empty()) return "mailto:" + stakeholder.email;
        }
        return fmt::format("urn:x-dplan:stakeholder:{}", id);
    };
    auto name_of = [&](std::int64_t id) {
        for (const auto& stakeholder : stakeholders) {
            if (stakeholder.id == id) return stakeholder.name.zh.empty() ? stakeholder.name.en : stakeholder.name.zh;
        }
        return std::string();
    };
    auto quoted = [](const std::string& text) {  // parameter values may not hold DQUOTE
        std::string out;
        for (const char c : text) out += c == '"' ? '\'' : c;
        return "\"" + out + "\"";
    };
    std::string summary = meeting.title.zh;
    if (!meeting.title.en.empty()) summary += (summary.empty() ? "" : " ") + meeting.title.en;
    std::string description;
    for (const auto& item : meeting.agenda) {
        description += fmt::format("{}. {}{}\n", item.position, item.title.zh, item.title.en.empty() ? "" : " " + item.title.en);
    }
    std::string out;
    auto line = [&](const std::string& text) { out += icalendar_fold(text); };
    line("BEGIN:VCALENDAR");
    line("VERSION:2.0");
    line("PRODID:-//District Planner//dplan//ZH-HK");
    line("CALSCALE:GREGORIAN");
    line("METHOD:PUBLISH");
    line("BEGIN:VEVENT");
    line(fmt::format("UID:dplan-meeting-{}@district-planner", meeting.id));
    line("DTSTAMP:" + stamp);
    line("DTSTART:" + local_to_utc_basic(meeting.starts_at, meeting.time_zone));
    line("DTEND:" + local_to_utc_basic(meeting.ends_at, meeting.time_zone));
    line(fmt::format("SEQUENCE:{}", meeting.version));
    line("SUMMARY:" + icalendar_escape(summary));
    if (!meeting.venue.empty()) line("LOCATION:" + icalendar_escape(meeting.venue));
    if (!meeting.online_link.empty()) line("URL:" + meeting.online_link);
    if (!description.empty()) line("DESCRIPTION:" + icalendar_escape(description));
    line("CATEGORIES:" + icalendar_escape(meeting_kind_name(meeting.kind).en));
    if (meeting.chair_id) line(fmt::format("ORGANIZER;CN={}:{}", quoted(name_of(*meeting.chair_id)), address(*meeting.chair_id)));
    for (const auto& attendee : meeting.attendees) {
        const char* reply = "NEEDS-ACTION";
        if (attendee.attendance == Attendance::present) reply = "ACCEPTED";
        if (attendee.attendance == Attendance::apologies || attendee.attendance == Attendance::absent) reply = "DECLINED";
        const std::string name = attendee.name.zh.empty() ? attendee.name.en : attendee.name.zh;
        line(fmt::format("ATTENDEE;CN={};ROLE=REQ-PARTICIPANT;PARTSTAT={}:{}", quoted(name), reply,
                         address(attendee.stakeholder_id)));
    }
    line("END:VEVENT");
    line("END:VCALENDAR");
    return out;
}

}  // namespace dplan
