#include "server/server_world.hpp"

#include "plugins/plugin_registry.hpp"
#include "services/account_service.hpp"
#include "services/directory_service.hpp"
#include "services/meeting_service.hpp"
#include "services/plan_workflow.hpp"
#include "services/programme_service.hpp"
#include "storage/district_repository.hpp"
#include "storage/migration.hpp"
#include "support/sample_plan.hpp"

namespace dplan::testing {

namespace {

void add_user(Database& db, const std::string& name, Role role, std::optional<std::int64_t> district,
              std::optional<std::int64_t> organisation) {
    AccountService(db, system_user()).add_user({0, name, name, role, district, organisation, ""}, test_password);
}

std::int64_t programme(Database& db, std::int64_t district, std::int64_t organisation, const std::string& name) {
    ProgrammeService programmes(db, system_user());
    Programme programme;
    programme.name = {name, name};
    programme.organisation_id = organisation;
    programme.district_id = district;
    programme.period_start = "2025-04-01";
    programme.period_end = "2026-03-31";
    programme.areas = {"youth"};
    const auto id = programmes.create(programme);
    Indicator indicator;
    indicator.programme_id = id;
    indicator.code = "A1";
    indicator.description = {"參加人次", "attendances"};
    indicator.unit = "attendances";
    indicator.target = 100;
    programmes.put_indicator(indicator);
    return id;
}

}  // namespace

ServerWorld make_server_world(Database& db) {
    Migrator(db).migrate();
    ServerWorld world;
    world.here = create_sample_district(db);
    world.elsewhere = DistrictRepository(db).get_by_code("north").id;
    DirectoryService directory(db, system_user());
    const auto organisation = directory.add_organisation({0, {"河畔服務社", "Riverside Services"}, Sector::ngo});
    const auto other = directory.add_organisation({0, {"北岸服務社", "North Services"}, Sector::ngo});
    add_user(db, "admin", Role::admin, {}, {});
    add_user(db, "officer.here", Role::officer, world.here, {});
    add_user(db, "officer.elsewhere", Role::officer, world.elsewhere, {});
    add_user(db, "member.here", Role::committee_member, world.here, {});
    add_user(db, "ngo.here", Role::ngo, {}, organisation);
    add_user(db, "ngo.elsewhere", Role::ngo, {}, other);
    add_user(db, "viewer", Role::viewer, {}, {});

    plugins::LoaderOptions options;
    options.directories = {DPLAN_BUILT_PLUGIN_DIR};
    options.allow_unsigned = true;
    auto registry = plugins::PluginRegistry::load(options);
    PlanWorkflow plans(db, registry, system_user());
    world.draft_plan = plans.create(sample_plan(world.here), "draft");
    world.submitted_plan = plans.create(sample_plan(world.here), "to submit");
    plans.submit(world.submitted_plan);
    Meeting meeting;
    meeting.district_id = world.here;
    meeting.plan_id = world.submitted_plan;
    meeting.title = {"地區福利規劃會議", "District welfare planning meeting"};
    meeting.starts_at = "2025-03-12T14:30";
    meeting.ends_at = "2025-03-12T17:00";
    meeting.agenda = {{0, 0, {"家庭服務", "Family services"}, "family", std::nullopt, ""},
                      {0, 0, {"長者服務", "Elderly services"}, "elderly", std::nullopt, ""}};
    world.meeting = MeetingService(db, registry, system_user()).create(meeting);
    world.programme_here = programme(db, world.here, organisation, "河畔青年計劃");
    world.programme_elsewhere = programme(db, world.elsewhere, other, "北岸青年計劃");
    return world;
}

}  // namespace dplan::testing
