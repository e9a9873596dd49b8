#include "services/subjects.hpp"

#include <fmt/format.h>

namespace dplan {

Subject plan_subject(const Plan& plan) {
    return {plan.district_id, {}, plan.status, {fmt::format("計劃 {}", plan.id), fmt::format("plan {}", plan.id)}};
}

Subject plan_subject(const PlanSummary& plan) {
    return {plan.district_id, {}, plan.status, {fmt::format("計劃 {}", plan.id), fmt::format("plan {}", plan.id)}};
}

Subject meeting_subject(const Meeting& meeting) {
    Subject subject{meeting.district_id,
                    {},
                    std::nullopt,
                    {fmt::format("會議 {}", meeting.id), fmt::format("meeting {}", meeting.id)}};
    for (const auto& attendee : meeting.attendees) {
        if (attendee.organisation_id) subject.organisations.push_back(*attendee.organisation_id);
    }
    return subject;
}

Subject programme_subject(const Programme& programme) {
    Subject subject{programme.district_id,
                    {},
                    std::nullopt,
                    programme.id == 0 ? Bilingual{"新的服務計劃", "a new programme"}
                                      : Bilingual{fmt::format("服務計劃 {}", programme.id),
                                                  fmt::format("programme {}", programme.id)}};
    if (programme.organisation_id) subject.organisations.push_back(*programme.organisation_id);
    return subject;
}

Subject district_subject(std::int64_t district_id) {
    return {district_id,
            {},
            std::nullopt,
            {fmt::format("地區 {} 的資料", district_id), fmt::format("records of district {}", district_id)}};
}

}  // namespace dplan
