#include "domain/user.hpp"

#include <array>
#include <utility>

namespace dplan {

namespace {
constexpr std::array<std::pair<Role, std::string_view>, 6> role_table{{
    {Role::admin, "admin"},
    {Role::officer, "officer"},
    {Role::committee_member, "committee_member"},
    {Role::ngo, "ngo"},
    {Role::viewer, "viewer"},
    {Role::system, "system"},
}};
}  // namespace

std::string_view role_code(Role role) { return role_table[static_cast<std::size_t>(role)].second; }

std::optional<Role> parse_role(std::string_view code) {
    for (const auto& [role, name] : role_table) {
        if (name == code) return role;
    }
    return std::nullopt;
}

}  // namespace dplan
