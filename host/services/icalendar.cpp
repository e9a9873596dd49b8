#include "services/icalendar.hpp"

#include <fmt/format.h>
#include <libical/ical.h>

#include <memory>

#include "domain/contact_address.hpp"
#include "services/time_zone.hpp"

namespace dplan {

namespace {

struct ComponentFree {
    void operator()(icalcomponent* component) const { icalcomponent_free(component); }
};
struct BufferFree {
    void operator()(char* buffer) const { icalmemory_free_buffer(buffer); }
};

// A name as a parameter value (CN): one line, no quotes. libical would encode a quote or a line
// break (RFC 6868 ^' and ^n), which most calendar programs show as written.
std::string parameter_text(const std::string& text) {
    std::string out;
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '"') {
            out += '\'';
        } else if (byte < 0x20 || byte == 0x7F) {
            if (!out.empty() && out.back() != ' ') out += ' ';
        } else {
            out += c;
        }
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

icaltimetype utc_time(const std::string& basic) { return icaltime_from_string(basic.c_str()); }

}  // namespace

std::string meeting_icalendar(const Meeting& meeting, const std::vector<Stakeholder>& stakeholders,
                              const std::string& stamp) {
    // Addresses were checked when entered; one stored before that and not valid becomes a urn:.
    auto address = [&](std::int64_t id) {
        for (const auto& stakeholder : stakeholders) {
            if (stakeholder.id == id && is_email_address(stakeholder.email)) return "mailto:" + stakeholder.email;
        }
        return fmt::format("urn:x-dplan:stakeholder:{}", id);
    };
    auto name_of = [&](std::int64_t id) {
        for (const auto& stakeholder : stakeholders) {
            if (stakeholder.id == id) return stakeholder.name.zh.empty() ? stakeholder.name.en : stakeholder.name.zh;
        }
        return std::string();
    };
    std::string summary = meeting.title.zh;
    if (!meeting.title.en.empty()) summary += (summary.empty() ? "" : " ") + meeting.title.en;
    std::string description;
    for (const auto& item : meeting.agenda) {
        description +=
            fmt::format("{}. {}{}\n", item.position, item.title.zh, item.title.en.empty() ? "" : " " + item.title.en);
    }

    std::unique_ptr<icalcomponent, ComponentFree> calendar(icalcomponent_new(ICAL_VCALENDAR_COMPONENT));
    icalcomponent_add_property(calendar.get(), icalproperty_new_version("2.0"));
    icalcomponent_add_property(calendar.get(), icalproperty_new_prodid("-//District Planner//dplan//ZH-HK"));
    icalcomponent_add_property(calendar.get(), icalproperty_new_calscale("GREGORIAN"));
    icalcomponent_add_property(calendar.get(), icalproperty_new_method(ICAL_METHOD_PUBLISH));

    icalcomponent* event = icalcomponent_new(ICAL_VEVENT_COMPONENT);
    icalcomponent_add_component(calendar.get(), event);  // the calendar owns it from here
    auto add = [&](icalproperty* property) { icalcomponent_add_property(event, property); };
    add(icalproperty_new_uid(fmt::format("dplan-meeting-{}@district-planner", meeting.id).c_str()));
    add(icalproperty_new_dtstamp(utc_time(stamp)));
    add(icalproperty_new_dtstart(utc_time(local_to_utc_basic(meeting.starts_at, meeting.time_zone))));
    add(icalproperty_new_dtend(utc_time(local_to_utc_basic(meeting.ends_at, meeting.time_zone))));
    add(icalproperty_new_sequence(meeting.version));
    add(icalproperty_new_summary(summary.c_str()));
    if (!meeting.venue.empty()) add(icalproperty_new_location(meeting.venue.c_str()));
    if (is_web_address(meeting.online_link)) add(icalproperty_new_url(meeting.online_link.c_str()));
    if (!description.empty()) add(icalproperty_new_description(description.c_str()));
    add(icalproperty_new_categories(meeting_kind_name(meeting.kind).en.c_str()));
    if (meeting.chair_id) {
        icalproperty* organiser = icalproperty_new_organizer(address(*meeting.chair_id).c_str());
        icalproperty_add_parameter(organiser, icalparameter_new_cn(parameter_text(name_of(*meeting.chair_id)).c_str()));
        add(organiser);
    }
    for (const auto& attendee : meeting.attendees) {
        icalparameter_partstat reply = ICAL_PARTSTAT_NEEDSACTION;
        if (attendee.attendance == Attendance::present) reply = ICAL_PARTSTAT_ACCEPTED;
        if (attendee.attendance == Attendance::apologies || attendee.attendance == Attendance::absent) {
            reply = ICAL_PARTSTAT_DECLINED;
        }
        const std::string name = attendee.name.zh.empty() ? attendee.name.en : attendee.name.zh;
        icalproperty* property = icalproperty_new_attendee(address(attendee.stakeholder_id).c_str());
        icalproperty_add_parameter(property, icalparameter_new_cn(parameter_text(name).c_str()));
        icalproperty_add_parameter(property, icalparameter_new_role(ICAL_ROLE_REQPARTICIPANT));
        icalproperty_add_parameter(property, icalparameter_new_partstat(reply));
        add(property);
    }
    const std::unique_ptr<char, BufferFree> text(icalcomponent_as_ical_string_r(calendar.get()));
    return text ? std::string(text.get()) : std::string();
}

}  // namespace dplan
