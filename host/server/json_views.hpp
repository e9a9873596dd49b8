// The JSON forms the API answers with, one function per kind of object; docs/openapi.json gives
// each a schema of the same name.
#pragma once

#include <nlohmann/json.hpp>

#include "domain/district.hpp"
#include "domain/meeting.hpp"
#include "domain/plan.hpp"
#include "domain/programme.hpp"
#include "domain/review.hpp"
#include "domain/user.hpp"
#include "services/plan_workflow.hpp"

namespace dplan::server {

nlohmann::json bilingual_json(const Bilingual& text);
nlohmann::json user_json(const User& user);
nlohmann::json district_json(const District& district);
nlohmann::json plan_summary_json(const PlanSummary& plan);
nlohmann::json revision_json(const PlanRevision& revision);
nlohmann::json comment_json(const ReviewComment& comment);
nlohmann::json decision_json(const Decision& decision);
nlohmann::json meeting_json(const Meeting& meeting);
nlohmann::json meeting_record_json(const MeetingRecord& record);
nlohmann::json action_json(const ActionItem& action);
nlohmann::json view_json(const RaisedView& view);
nlohmann::json programme_json(const Programme& programme);
nlohmann::json indicator_json(const Indicator& indicator);
nlohmann::json reading_json(const Reading& reading);

}  // namespace dplan::server
