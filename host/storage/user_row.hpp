// The columns of one user as read by a statement, bound with exchange(); to_user() turns them
// into the domain's User. Shared by the user lookups and the session lookup that joins users.
#pragma once

#include <soci/soci.h>

#include <string>

#include "domain/user.hpp"

namespace dplan {

struct UserRow {
    // The columns bind() expects, in order, for a query on `users` under the alias `prefix`
    // ("" or "u.").
    static std::string columns(const std::string& prefix) {
        return prefix + "id, " + prefix + "username, " + prefix + "display_name, " + prefix + "role, " + prefix +
               "district_id, " + prefix + "organisation_id, " + prefix + "version";
    }

    long long id = 0;
    int version = 1;
    long long district = 0, organisation = 0;
    soci::indicator district_flag = soci::i_ok, organisation_flag = soci::i_ok;
    std::string username, display_name, role;

    void bind(soci::statement& statement) {
        statement.exchange(soci::into(id));
        statement.exchange(soci::into(username));
        statement.exchange(soci::into(display_name));
        statement.exchange(soci::into(role));
        statement.exchange(soci::into(district, district_flag));
        statement.exchange(soci::into(organisation, organisation_flag));
        statement.exchange(soci::into(version));
    }

    User to_user() const {
        User user;
        user.id = id;
        user.username = username;
        user.display_name = display_name;
        user.role = parse_role(role).value_or(Role::viewer);
        if (district_flag == soci::i_ok) user.district_id = district;
        if (organisation_flag == soci::i_ok) user.organisation_id = organisation;
        user.version = version;
        return user;
    }
};

}  // namespace dplan
