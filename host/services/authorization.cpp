#include "services/authorization.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <stdexcept>

namespace dplan {

namespace {

using enum Grant;

struct Rule {
    Operation operation;
    std::string_view code;
    Bilingual verb;  // "may not <verb> <subject>"
    Bilingual noun;  // what the operation touches, when the refusal has no particular subject
    Grant officer, committee_member, ngo, viewer;
};

// The policy. system and admin may do everything; the other roles as stated here.
const std::array rules{
    //   operation, code, verb, noun, then the grant of: officer, committee_member, ngo, viewer
    Rule{Operation::list_plans,
         "list_plans",
         {"列出", "list"},
         {"計劃", "plans"},
         own_district,
         own_district_submitted,
         submitted,
         submitted},
    Rule{Operation::read_plan,
         "read_plan",
         {"閱覽", "read"},
         {"計劃", "plans"},
         own_district,
         own_district_submitted,
         submitted,
         submitted},
    Rule{Operation::create_plan,
         "create_plan",
         {"建立", "create"},
         {"計劃", "plans"},
         own_district,
         never,
         never,
         never},
    Rule{Operation::edit_plan, "edit_plan", {"修改", "edit"}, {"計劃", "plans"}, own_district, never, never, never},
    Rule{Operation::submit_plan,
         "submit_plan",
         {"提交", "submit"},
         {"計劃", "plans"},
         own_district,
         never,
         never,
         never},
    Rule{Operation::start_review,
         "start_review",
         {"開始審閱", "start reviewing"},
         {"計劃", "plans"},
         never,
         own_district_submitted,
         never,
         never},
    Rule{Operation::comment_on_plan,
         "comment_on_plan",
         {"評論", "comment on"},
         {"計劃", "plans"},
         own_district,
         own_district_submitted,
         never,
         never},
    Rule{Operation::decide_plan,
         "decide_plan",
         {"記錄決定於", "record a decision on"},
         {"計劃", "plans"},
         never,
         own_district_submitted,
         never,
         never},
    Rule{Operation::read_meeting,
         "read_meeting",
         {"閱覽", "read"},
         {"會議", "meetings"},
         own_district,
         own_district,
         own_organisation,
         never},
    Rule{Operation::create_meeting,
         "create_meeting",
         {"籌辦", "organise"},
         {"會議", "meetings"},
         own_district,
         never,
         never,
         never},
    Rule{Operation::edit_meeting,
         "edit_meeting",
         {"修改", "edit"},
         {"會議", "meetings"},
         own_district,
         never,
         never,
         never},
    Rule{Operation::raise_view,
         "raise_view",
         {"提出意見於", "raise a view in"},
         {"會議", "meetings"},
         own_district,
         own_district,
         own_organisation,
         never},
    Rule{Operation::respond_to_view,
         "respond_to_view",
         {"回應意見於", "respond to views in"},
         {"會議", "meetings"},
         own_district,
         never,
         never,
         never},
    Rule{Operation::manage_actions,
         "manage_actions",
         {"管理跟進事項於", "manage action items of"},
         {"會議", "meetings"},
         own_district,
         never,
         never,
         never},
    Rule{Operation::decide_meeting,
         "decide_meeting",
         {"記錄決定於", "record a decision in"},
         {"會議", "meetings"},
         own_district,
         own_district,
         never,
         never},
    Rule{Operation::read_programme,
         "read_programme",
         {"閱覽", "read"},
         {"服務計劃", "programmes"},
         own_district,
         own_district,
         own_organisation,
         never},
    Rule{Operation::create_programme,
         "create_programme",
         {"建立", "create"},
         {"服務計劃", "programmes"},
         own_district,
         never,
         own_organisation,
         never},
    Rule{Operation::edit_programme,
         "edit_programme",
         {"修改", "change"},
         {"服務計劃", "programmes"},
         own_district,
         never,
         own_organisation,
         never},
    Rule{Operation::record_reading,
         "record_reading",
         {"匯報讀數於", "report readings for"},
         {"服務計劃", "programmes"},
         own_district,
         never,
         own_organisation,
         never},
    Rule{Operation::read_directory,
         "read_directory",
         {"閱覽", "read"},
         {"機構及持份者名錄", "the directory of organisations and stakeholders"},
         always,
         always,
         always,
         never},
    Rule{Operation::edit_directory,
         "edit_directory",
         {"修改", "change"},
         {"機構及持份者名錄", "the directory of organisations and stakeholders"},
         always,
         never,
         never,
         never},
    Rule{Operation::read_districts,
         "read_districts",
         {"閱覽", "read"},
         {"地區", "districts"},
         always,
         always,
         always,
         always},
    Rule{Operation::manage_districts,
         "manage_districts",
         {"管理", "manage"},
         {"地區", "districts"},
         never,
         never,
         never,
         never},
    Rule{Operation::manage_users,
         "manage_users",
         {"管理", "manage"},
         {"用戶帳戶", "user accounts"},
         never,
         never,
         never,
         never},
    Rule{Operation::read_collaboration,
         "read_collaboration",
         {"閱覽協作資料於", "read the collaboration records of"},
         {"協作資料", "collaboration records"},
         own_district,
         own_district_submitted,
         never,
         never},
    Rule{Operation::inspect_database,
         "inspect_database",
         {"查看", "inspect"},
         {"資料庫", "the database"},
         always,
         always,
         always,
         always},
    Rule{Operation::administer_database,
         "administer_database",
         {"管理", "administer"},
         {"資料庫", "the database"},
         never,
         never,
         never,
         never},
    Rule{Operation::read_audit_log,
         "read_audit_log",
         {"查閱", "read"},
         {"審計記錄", "the audit log"},
         never,
         never,
         never,
         never},
};

const Rule& rule_for(Operation operation) {
    const auto found =
        std::find_if(rules.begin(), rules.end(), [&](const Rule& r) { return r.operation == operation; });
    // Every operation has a rule (the permission test checks); a missing one refuses, never crashes.
    if (found == rules.end()) throw std::logic_error("operation without a permission rule");
    return *found;
}

bool is_submitted(const Subject& subject) { return subject.plan_status && *subject.plan_status != PlanStatus::draft; }

bool in_district(const User& user, const Subject& subject) {
    return user.district_id && subject.district_id && *user.district_id == *subject.district_id;
}

bool involves_organisation(const User& user, const Subject& subject) {
    return user.organisation_id && std::find(subject.organisations.begin(), subject.organisations.end(),
                                             *user.organisation_id) != subject.organisations.end();
}

}  // namespace

std::string_view operation_code(Operation operation) { return rule_for(operation).code; }

Grant grant_for(Role role, Operation operation) {
    const Rule& rule = rule_for(operation);
    switch (role) {
        case Role::system:
        case Role::admin:
            return always;
        case Role::officer:
            return rule.officer;
        case Role::committee_member:
            return rule.committee_member;
        case Role::ngo:
            return rule.ngo;
        case Role::viewer:
            return rule.viewer;
    }
    return never;
}

bool is_allowed(const User& user, Operation operation, const Subject& subject) {
    switch (grant_for(user.role, operation)) {
        case never:
            return false;
        case always:
            return true;
        case own_district:
            return in_district(user, subject);
        // A subject that is not a plan (a meeting, the collaboration records) has no status.
        case own_district_submitted:
            return in_district(user, subject) && (!subject.plan_status || is_submitted(subject));
        case submitted:
            return is_submitted(subject);
        case own_organisation:
            return involves_organisation(user, subject);
    }
    return false;
}

void authorize(const User& user, Operation operation, const Subject& subject) {
    if (is_allowed(user, operation, subject)) return;
    const Rule& rule = rule_for(operation);
    const Bilingual& what = subject.name.zh.empty() && subject.name.en.empty() ? rule.noun : subject.name;
    throw PermissionDenied(
        {fmt::format("用戶「{}」（{}）無權{}{}", user.username, role_code(user.role), rule.verb.zh, what.zh),
         fmt::format("user '{}' ({}) may not {} {}", user.username, role_code(user.role), rule.verb.en, what.en)});
}

ReadScope read_scope(const User& user, Operation operation) {
    ReadScope scope;
    switch (grant_for(user.role, operation)) {
        case never:
            scope.nothing = true;
            break;
        case always:
            break;
        case own_district:
        case own_district_submitted:
            if (user.district_id) {
                scope.district_id = user.district_id;
            } else {
                scope.nothing = true;
            }
            scope.submitted_only = grant_for(user.role, operation) == own_district_submitted;
            break;
        case submitted:
            scope.submitted_only = true;
            break;
        case own_organisation:
            if (user.organisation_id) {
                scope.organisation_id = user.organisation_id;
            } else {
                scope.nothing = true;
            }
            break;
    }
    return scope;
}

ReadScope authorize_list(const User& user, Operation operation) {
    if (grant_for(user.role, operation) == never) authorize(user, operation, {});  // throws
    return read_scope(user, operation);
}

bool may_ever(const User& user, Operation operation) { return grant_for(user.role, operation) != never; }

}  // namespace dplan
