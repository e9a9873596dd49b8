// What each kind of object is to the permission check (services/authorization.hpp): its district,
// the organisations involved, a plan's status, and its name for a refusal.
#pragma once

#include "domain/meeting.hpp"
#include "domain/plan.hpp"
#include "domain/programme.hpp"
#include "services/authorization.hpp"

namespace dplan {

Subject plan_subject(const Plan& plan);
Subject plan_subject(const PlanSummary& plan);
Subject meeting_subject(const Meeting& meeting);  // needs its attendees
Subject programme_subject(const Programme& programme);
Subject district_subject(std::int64_t district_id);

}  // namespace dplan
