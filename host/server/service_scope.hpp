// The services one request may use, acting as the signed-in user on a connection lent by the
// pool for the length of the request. The same services the CLI and the dashboard use: the server
// adds no rules of its own.
#pragma once

#include "plugins/plugin_registry.hpp"
#include "services/account_service.hpp"
#include "services/audit_service.hpp"
#include "services/collaboration.hpp"
#include "services/directory_service.hpp"
#include "services/district_service.hpp"
#include "services/meeting_service.hpp"
#include "services/plan_workflow.hpp"
#include "services/programme_service.hpp"
#include "services/read_cache.hpp"
#include "services/sign_in.hpp"
#include "services/store.hpp"

namespace dplan::server {

class ServiceScope {
  public:
    // `cache`: none when the server runs without one (change_check_interval_ms = 0).
    ServiceScope(Store& store, plugins::PluginRegistry& plugins, const SignInPolicy& policy, ReadCache* cache)
        : store_(store), plugins_(plugins), policy_(policy), cache_(cache) {}

    // Lets the connection go without the session check below: the next request may be anyone's.
    ~ServiceScope() { store_.database().check_session_on_write(std::nullopt); }
    ServiceScope(const ServiceScope&) = delete;
    ServiceScope& operator=(const ServiceScope&) = delete;

    // Acts as `user`, signed in with the session whose token hashes to `session`: each write of
    // the request checks, once it has its turn, that the session is still signed in
    // (Database::check_session_on_write), so a sign-out elsewhere that committed first stops it.
    void act_as(User user, std::optional<std::string> session) {
        user_ = std::move(user);
        if (session) {
            store_.database().check_session_on_write(
                Database::SessionToCheck{std::move(*session), policy_.idle_timeout});
        }
    }
    const User& user() const { return user_; }
    plugins::PluginRegistry& plugins() { return plugins_; }

    SignInService sign_in() { return {store_.database(), policy_, cache_}; }
    PlanWorkflow plans() { return {store_.database(), plugins_, user_, cache_}; }
    MeetingService meetings() { return {store_.database(), plugins_, user_}; }
    ProgrammeService programmes() { return {store_.database(), user_}; }
    DistrictService districts() { return {store_.database(), user_}; }
    DirectoryService directory() { return {store_.database(), user_}; }
    AccountService accounts() { return {store_.database(), user_}; }
    CollaborationService collaboration() { return {store_.database(), user_}; }
    AuditService audit() { return {store_.database(), user_}; }

  private:
    Store& store_;
    plugins::PluginRegistry& plugins_;
    const SignInPolicy& policy_;
    ReadCache* cache_;
    User user_;
};

}  // namespace dplan::server
