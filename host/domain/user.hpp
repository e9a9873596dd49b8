// A person who signs in, and what their role lets them do.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace dplan {

enum class Role { admin, officer, committee_member, ngo, viewer, system };

std::string_view role_code(Role role);
std::optional<Role> parse_role(std::string_view code);

struct User {
    std::int64_t id = 0;
    std::string username;
    std::string display_name;
    Role role = Role::viewer;
    std::optional<std::int64_t> district_id;      // officers and committee members: their district
    std::optional<std::int64_t> organisation_id;  // NGO staff: their organisation
    // Where this user acts from, for the audit log: the client's address on the server,
    // "local:LOGIN@HOST" in direct database mode. Not stored with the account.
    std::string origin;
    int version = 1;  // bumped by every change to the account (password, disabled)
};

// The built-in account that authors changes made by local tools (demo data, migrations).
inline constexpr std::int64_t system_user_id = 1;
inline User system_user() { return User{system_user_id, "system", "system", Role::system, {}, {}, "local"}; }

}  // namespace dplan
