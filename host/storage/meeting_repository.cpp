#include "storage/meeting_repository.hpp"

#include <fmt/format.h>

#include "domain/timestamp.hpp"

namespace dplan {

namespace {

template <typename T>
soci::indicator flag(const std::optional<T>& value) {
    return value ? soci::i_ok : soci::i_null;
}

template <typename T>
std::optional<T> optional_of(const T& value, soci::indicator indicator) {
    return indicator == soci::i_ok ? std::optional<T>(value) : std::nullopt;
}

// The meeting condition for a filter, and its bound values.
// The reader's scope (set by the service layer) narrows it in SQL: a district's meetings, or the
// meetings an organisation's people are invited to or attend.
struct FilterSql {
    std::string where = " WHERE 1 = 1";
    long long district = 0, plan = 0, meeting = 0, scope_district = 0, scope_organisation = 0;
    explicit FilterSql(const MeetingFilter& filter) {
        if (filter.district_id) where += " AND m.district_id = :district", district = *filter.district_id;
        if (filter.plan_id) where += " AND m.plan_id = :plan", plan = *filter.plan_id;
        if (filter.meeting_id) where += " AND m.id = :meeting", meeting = *filter.meeting_id;
        if (filter.scope.nothing) where += " AND 1 = 0";
        if (filter.scope.district_id) {
            where += " AND m.district_id = :scope_district", scope_district = *filter.scope.district_id;
        }
        if (filter.scope.organisation_id) {
            where +=
                " AND EXISTS (SELECT 1 FROM meeting_attendees sa JOIN stakeholders ss ON ss.id = sa.stakeholder_id "
                "WHERE sa.meeting_id = m.id AND ss.organisation_id = :scope_organisation)";
            scope_organisation = *filter.scope.organisation_id;
        }
    }
    void bind(soci::statement& statement, const MeetingFilter& filter) {
        if (filter.district_id) statement.exchange(soci::use(district, "district"));
        if (filter.plan_id) statement.exchange(soci::use(plan, "plan"));
        if (filter.meeting_id) statement.exchange(soci::use(meeting, "meeting"));
        if (filter.scope.district_id) statement.exchange(soci::use(scope_district, "scope_district"));
        if (filter.scope.organisation_id) statement.exchange(soci::use(scope_organisation, "scope_organisation"));
    }
};

void run(soci::statement& statement, const std::string& sql) {
    statement.alloc();
    statement.prepare(sql);
    statement.define_and_bind();
    statement.execute();
}

}  // namespace

void MeetingRepository::touch(std::int64_t meeting_id, std::optional<int> seen_version) {
    const long long id = meeting_id;
    int version = 0;
    db_.session() << "SELECT version FROM meetings WHERE id = :id", soci::use(id), soci::into(version);
    if (!db_.session().got_data()) {
        throw NotFound(
            {fmt::format("找不到編號 {} 的會議", meeting_id), fmt::format("no meeting with id {}", meeting_id)});
    }
    if (seen_version && *seen_version != version) {
        throw Conflict(
            {fmt::format("會議 {} 已被他人修改（你看到第 {} 版，現為第 {} 版）；請重新載入後再改", meeting_id,
                         *seen_version, version),
             fmt::format("meeting {} was changed by someone else (you saw version {}, it is now version {}); "
                         "reload it and make your change again",
                         meeting_id, *seen_version, version)});
    }
    // The version in the WHERE clause makes the check and the bump one step.
    soci::statement bump = (db_.session().prepare << "UPDATE meetings SET version = version + 1 WHERE id = :id AND "
                                                     "version = :version",
                            soci::use(id), soci::use(version));
    bump.execute(true);
    if (bump.get_affected_rows() != 1) {
        throw Conflict({fmt::format("會議 {} 剛被他人修改；請重新載入", meeting_id),
                        fmt::format("meeting {} was changed by someone else just now; reload it", meeting_id)});
    }
}

void MeetingRepository::bump_item_version(const char* table, const Bilingual& noun, std::int64_t item_id, int current,
                                          std::optional<int> seen_version) {
    if (seen_version && *seen_version != current) {
        throw Conflict({fmt::format("{} {} 已被他人修改（你看到第 {} 版，現為第 {} 版）；請重新載入後再改", noun.zh,
                                    item_id, *seen_version, current),
                        fmt::format("{} {} was changed by someone else (you saw version {}, it is now version {}); "
                                    "reload it and make your change again",
                                    noun.en, item_id, *seen_version, current)});
    }
    const long long id = item_id;
    soci::statement bump = (db_.session().prepare << fmt::format(
                                "UPDATE {} SET version = version + 1 WHERE id = :id AND version = :v", table),
                            soci::use(id), soci::use(current));
    bump.execute(true);
    if (bump.get_affected_rows() != 1) {
        throw Conflict({fmt::format("{} {} 剛被他人修改；請重新載入", noun.zh, item_id),
                        fmt::format("{} {} was changed by someone else just now; reload it", noun.en, item_id)});
    }
}

void MeetingRepository::insert_agenda_item(std::int64_t meeting_id, int position, const AgendaItem& item) {
    const long long meeting = meeting_id;
    const long long point = item.focus_point_id.value_or(0);
    const std::string area = item.area_id.value_or("");
    soci::indicator area_flag = flag(item.area_id);
    soci::indicator point_flag = flag(item.focus_point_id);
    db_.session() << "INSERT INTO agenda_items (meeting_id, position, title_zh, title_en, area_id, focus_point_id, "
                     "minutes) VALUES (:m, :position, :zh, :en, :area, :point, :minutes)",
        soci::use(meeting), soci::use(position), soci::use(item.title.zh), soci::use(item.title.en),
        soci::use(area, area_flag), soci::use(point, point_flag), soci::use(item.minutes);
}

std::int64_t MeetingRepository::create(const Meeting& meeting) {
    return db_.write("create meeting", [&] {
        const long long district = meeting.district_id;
        const long long plan = meeting.plan_id.value_or(0);
        const long long chair = meeting.chair_id.value_or(0);
        const std::string kind(meeting_kind_code(meeting.kind));
        const std::string now = now_utc_iso8601();
        soci::indicator plan_flag = flag(meeting.plan_id);
        soci::indicator chair_flag = flag(meeting.chair_id);
        db_.session()
            << "INSERT INTO meetings (district_id, plan_id, title_zh, title_en, kind, starts_at, ends_at, "
               "time_zone, venue, online_link, chair_id, created_at) VALUES (:district, :plan, :zh, :en, :kind, "
               ":starts, :ends, :zone, :venue, :link, :chair, :created)",
            soci::use(district), soci::use(plan, plan_flag), soci::use(meeting.title.zh), soci::use(meeting.title.en),
            soci::use(kind), soci::use(meeting.starts_at), soci::use(meeting.ends_at), soci::use(meeting.time_zone),
            soci::use(meeting.venue), soci::use(meeting.online_link), soci::use(chair, chair_flag), soci::use(now);
        long long id = 0;
        db_.session().get_last_insert_id("meetings", id);
        for (const auto& attendee : meeting.attendees) {
            const long long stakeholder = attendee.stakeholder_id;
            const std::string attendance(attendance_code(attendee.attendance));
            db_.session()
                << "INSERT INTO meeting_attendees (meeting_id, stakeholder_id, attendance) VALUES (:m, :s, :a)",
                soci::use(id), soci::use(stakeholder), soci::use(attendance);
        }
        int position = 0;
        for (const auto& item : meeting.agenda) insert_agenda_item(id, ++position, item);
        return static_cast<std::int64_t>(id);
    });
}

std::vector<Meeting> MeetingRepository::list(const MeetingFilter& filter) {
    return db_.read("list meetings", [&] {
        FilterSql sql(filter);
        long long id = 0, district = 0, plan = 0, chair = 0;
        soci::indicator plan_flag = soci::i_ok, chair_flag = soci::i_ok;
        std::string kind;
        Meeting row;
        std::vector<Meeting> result;
        soci::statement query(db_.session());
        sql.bind(query, filter);
        query.exchange(soci::into(id));
        query.exchange(soci::into(district));
        query.exchange(soci::into(plan, plan_flag));
        query.exchange(soci::into(row.title.zh));
        query.exchange(soci::into(row.title.en));
        query.exchange(soci::into(kind));
        query.exchange(soci::into(row.starts_at));
        query.exchange(soci::into(row.ends_at));
        query.exchange(soci::into(row.time_zone));
        query.exchange(soci::into(row.venue));
        query.exchange(soci::into(row.online_link));
        query.exchange(soci::into(chair, chair_flag));
        query.exchange(soci::into(row.version));
        run(query,
            "SELECT m.id, m.district_id, m.plan_id, m.title_zh, m.title_en, m.kind, m.starts_at, m.ends_at, "
            "m.time_zone, m.venue, m.online_link, m.chair_id, m.version FROM meetings m" +
                sql.where + " ORDER BY m.starts_at, m.id");
        while (query.fetch()) {
            row.id = id;
            row.district_id = district;
            row.plan_id = optional_of<std::int64_t>(plan, plan_flag);
            row.chair_id = optional_of<std::int64_t>(chair, chair_flag);
            row.kind = parse_meeting_kind(kind).value_or(MeetingKind::planning_meeting);
            result.push_back(row);
        }
        return result;
    });
}

Meeting MeetingRepository::get(std::int64_t id) {
    return db_.read("read meeting", [&] {
        auto found = list({.meeting_id = id});
        if (found.empty())
            throw NotFound({fmt::format("找不到編號 {} 的會議", id), fmt::format("no meeting with id {}", id)});
        Meeting meeting = std::move(found.front());
        const long long key = id;
        {
            long long stakeholder = 0, organisation = 0;
            soci::indicator organisation_flag = soci::i_ok;
            std::string sector, attendance;
            Attendee row;
            soci::statement query =
                (db_.session().prepare << "SELECT a.stakeholder_id, s.name_zh, s.name_en, s.sector, a.attendance, "
                                          "s.organisation_id "
                                          "FROM meeting_attendees a JOIN stakeholders s ON s.id = a.stakeholder_id "
                                          "WHERE a.meeting_id = :m ORDER BY s.id",
                 soci::use(key), soci::into(stakeholder), soci::into(row.name.zh), soci::into(row.name.en),
                 soci::into(sector), soci::into(attendance), soci::into(organisation, organisation_flag));
            query.execute();
            while (query.fetch()) {
                row.stakeholder_id = stakeholder;
                row.organisation_id = optional_of<std::int64_t>(organisation, organisation_flag);
                row.sector = parse_sector(sector).value_or(Sector::resident);
                row.attendance = parse_attendance(attendance).value_or(Attendance::invited);
                meeting.attendees.push_back(row);
            }
        }
        long long item_id = 0, point = 0;
        std::string area;
        soci::indicator area_flag = soci::i_ok, point_flag = soci::i_ok;
        AgendaItem item;
        soci::statement query =
            (db_.session().prepare << "SELECT id, position, title_zh, title_en, area_id, focus_point_id, minutes "
                                      "FROM agenda_items WHERE meeting_id = :m ORDER BY position",
             soci::use(key), soci::into(item_id), soci::into(item.position), soci::into(item.title.zh),
             soci::into(item.title.en), soci::into(area, area_flag), soci::into(point, point_flag),
             soci::into(item.minutes));
        query.execute();
        while (query.fetch()) {
            item.id = item_id;
            item.area_id = optional_of(area, area_flag);
            item.focus_point_id = optional_of<std::int64_t>(point, point_flag);
            meeting.agenda.push_back(item);
        }
        return meeting;
    });
}

void MeetingRepository::set_attendance(std::int64_t meeting_id, std::int64_t stakeholder_id, Attendance attendance,
                                       std::optional<int> seen_version) {
    db_.write("record attendance", [&] {
        touch(meeting_id, seen_version);
        const long long meeting = meeting_id, stakeholder = stakeholder_id;
        const std::string code(attendance_code(attendance));
        int existing = 0;
        db_.session() << "SELECT COUNT(*) FROM meeting_attendees WHERE meeting_id = :m AND stakeholder_id = :s",
            soci::use(meeting), soci::use(stakeholder), soci::into(existing);
        if (existing > 0) {
            db_.session()
                << "UPDATE meeting_attendees SET attendance = :a WHERE meeting_id = :m AND stakeholder_id = :s",
                soci::use(code), soci::use(meeting), soci::use(stakeholder);
        } else {
            db_.session()
                << "INSERT INTO meeting_attendees (meeting_id, stakeholder_id, attendance) VALUES (:m, :s, :a)",
                soci::use(meeting), soci::use(stakeholder), soci::use(code);
        }
    });
}

int MeetingRepository::add_agenda_item(std::int64_t meeting_id, const AgendaItem& item,
                                       std::optional<int> seen_version) {
    return db_.write("add agenda item", [&] {
        touch(meeting_id, seen_version);
        const long long meeting = meeting_id;
        int last = 0;
        soci::indicator last_flag = soci::i_ok;
        db_.session() << "SELECT MAX(position) FROM agenda_items WHERE meeting_id = :m", soci::use(meeting),
            soci::into(last, last_flag);
        const int position = (last_flag == soci::i_ok ? last : 0) + 1;
        insert_agenda_item(meeting_id, position, item);
        return position;
    });
}

void MeetingRepository::set_minutes(std::int64_t meeting_id, int position, const std::string& minutes,
                                    std::optional<int> seen_version) {
    db_.write("record minutes", [&] {
        touch(meeting_id, seen_version);
        const long long meeting = meeting_id;
        soci::statement update = (db_.session().prepare << "UPDATE agenda_items SET minutes = :minutes "
                                                           "WHERE meeting_id = :m AND position = :position",
                                  soci::use(minutes), soci::use(meeting), soci::use(position));
        update.execute(true);
        if (update.get_affected_rows() == 0) {
            throw NotFound({fmt::format("會議 {} 沒有第 {} 項議程", meeting_id, position),
                            fmt::format("meeting {} has no agenda item {}", meeting_id, position)});
        }
    });
}

std::int64_t MeetingRepository::add_view(const RaisedView& view) {
    return db_.write("record view", [&] {
        touch(view.meeting_id, std::nullopt);
        const long long meeting = view.meeting_id;
        const long long item = view.agenda_item_id.value_or(0), stakeholder = view.stakeholder_id.value_or(0),
                        organisation = view.organisation_id.value_or(0);
        const std::string sector(view.sector ? sector_code(*view.sector) : "");
        const std::string now = now_utc_iso8601();
        const std::string status(view_status_code(ViewStatus::open));
        const std::string no_reason;
        soci::indicator item_flag = flag(view.agenda_item_id);
        soci::indicator stakeholder_flag = flag(view.stakeholder_id);
        soci::indicator organisation_flag = flag(view.organisation_id);
        soci::indicator sector_flag = flag(view.sector);
        db_.session()
            << "INSERT INTO meeting_views (meeting_id, agenda_item_id, stakeholder_id, organisation_id, sector, "
               "area_id, text, status, reason, created_at, updated_at) VALUES (:m, :item, :stakeholder, "
               ":organisation, :sector, :area, :text, :status, :reason, :created, :updated)",
            soci::use(meeting), soci::use(item, item_flag), soci::use(stakeholder, stakeholder_flag),
            soci::use(organisation, organisation_flag), soci::use(sector, sector_flag), soci::use(view.area_id),
            soci::use(view.text), soci::use(status), soci::use(no_reason), soci::use(now), soci::use(now);
        long long id = 0;
        db_.session().get_last_insert_id("meeting_views", id);
        return static_cast<std::int64_t>(id);
    });
}

std::vector<RaisedView> MeetingRepository::views(const MeetingFilter& filter) {
    return db_.read("list views", [&] {
        FilterSql sql(filter);
        long long id = 0, meeting = 0, item = 0, stakeholder = 0, organisation = 0;
        soci::indicator item_flag = soci::i_ok, stakeholder_flag = soci::i_ok, organisation_flag = soci::i_ok,
                        sector_flag = soci::i_ok, person_flag = soci::i_ok, org_flag = soci::i_ok;
        std::string sector, status, person_zh, person_en, org_zh, org_en;
        RaisedView row;
        std::vector<RaisedView> result;
        soci::statement query(db_.session());
        sql.bind(query, filter);
        for (auto* target : {&id, &meeting}) query.exchange(soci::into(*target));
        query.exchange(soci::into(item, item_flag));
        query.exchange(soci::into(stakeholder, stakeholder_flag));
        query.exchange(soci::into(organisation, organisation_flag));
        query.exchange(soci::into(sector, sector_flag));
        query.exchange(soci::into(row.area_id));
        query.exchange(soci::into(row.text));
        query.exchange(soci::into(status));
        query.exchange(soci::into(row.reason));
        query.exchange(soci::into(person_zh, person_flag));
        query.exchange(soci::into(person_en, person_flag));
        query.exchange(soci::into(org_zh, org_flag));
        query.exchange(soci::into(org_en, org_flag));
        query.exchange(soci::into(row.version));
        run(query,
            "SELECT v.id, v.meeting_id, v.agenda_item_id, v.stakeholder_id, v.organisation_id, v.sector, v.area_id, "
            "v.text, v.status, v.reason, s.name_zh, s.name_en, o.name_zh, o.name_en, v.version FROM meeting_views v "
            "JOIN meetings m ON m.id = v.meeting_id LEFT JOIN stakeholders s ON s.id = v.stakeholder_id "
            "LEFT JOIN organisations o ON o.id = v.organisation_id" +
                sql.where + " ORDER BY m.starts_at, v.id");
        while (query.fetch()) {
            row.id = id;
            row.meeting_id = meeting;
            row.agenda_item_id = optional_of<std::int64_t>(item, item_flag);
            row.stakeholder_id = optional_of<std::int64_t>(stakeholder, stakeholder_flag);
            row.organisation_id = optional_of<std::int64_t>(organisation, organisation_flag);
            row.sector = sector_flag == soci::i_ok ? parse_sector(sector) : std::nullopt;
            row.status = parse_view_status(status).value_or(ViewStatus::open);
            if (person_flag == soci::i_ok) {
                row.raised_by = {person_zh, person_en};
            } else if (org_flag == soci::i_ok) {
                row.raised_by = {org_zh, org_en};
            } else {
                row.raised_by = row.sector ? sector_name(*row.sector) : Bilingual{};
            }
            result.push_back(row);
        }
        for (auto& view : result) {
            const long long key = view.id;
            long long point = 0, plan = 0;
            int revision = 0;
            soci::indicator point_flag = soci::i_ok, plan_flag = soci::i_ok, revision_flag = soci::i_ok;
            soci::statement responses =
                (db_.session().prepare
                     << "SELECT focus_point_id, plan_id, revision FROM view_responses WHERE view_id = :v "
                        "ORDER BY id",
                 soci::use(key), soci::into(point, point_flag), soci::into(plan, plan_flag),
                 soci::into(revision, revision_flag));
            responses.execute();
            while (responses.fetch()) {
                view.responses.push_back({optional_of<std::int64_t>(point, point_flag),
                                          optional_of<std::int64_t>(plan, plan_flag),
                                          optional_of(revision, revision_flag)});
            }
        }
        return result;
    });
}

RaisedView MeetingRepository::view(std::int64_t id) {
    long long meeting = 0;
    db_.session() << "SELECT meeting_id FROM meeting_views WHERE id = :id", soci::use(static_cast<long long>(id)),
        soci::into(meeting);
    if (db_.session().got_data()) {
        for (auto& view : views({.meeting_id = meeting})) {
            if (view.id == id) return view;
        }
    }
    throw NotFound({fmt::format("找不到編號 {} 的意見", id), fmt::format("no view with id {}", id)});
}

int MeetingRepository::address_view(std::int64_t view_id, const ViewResponse& response,
                                    std::optional<int> seen_version) {
    return db_.write("record response to view", [&] {
        const RaisedView existing = view(view_id);
        bump_item_version("meeting_views", {"意見", "view"}, view_id, existing.version, seen_version);
        touch(existing.meeting_id, std::nullopt);
        const long long key = view_id;
        const long long point = response.focus_point_id.value_or(0), plan = response.plan_id.value_or(0);
        const int revision = response.revision.value_or(0);
        soci::indicator point_flag = flag(response.focus_point_id);
        soci::indicator plan_flag = flag(response.plan_id);
        soci::indicator revision_flag = flag(response.revision);
        db_.session() << "INSERT INTO view_responses (view_id, focus_point_id, plan_id, revision) "
                         "VALUES (:v, :point, :plan, :revision)",
            soci::use(key), soci::use(point, point_flag), soci::use(plan, plan_flag),
            soci::use(revision, revision_flag);
        const std::string status(view_status_code(ViewStatus::addressed)), now = now_utc_iso8601(), no_reason;
        db_.session() << "UPDATE meeting_views SET status = :status, reason = :reason, updated_at = :now WHERE id = :v",
            soci::use(status), soci::use(no_reason), soci::use(now), soci::use(key);
        return existing.version + 1;
    });
}

int MeetingRepository::decline_view(std::int64_t view_id, const std::string& reason, std::optional<int> seen_version) {
    return db_.write("record view not adopted", [&] {
        const RaisedView existing = view(view_id);
        bump_item_version("meeting_views", {"意見", "view"}, view_id, existing.version, seen_version);
        touch(existing.meeting_id, std::nullopt);
        const long long key = view_id;
        const std::string status(view_status_code(ViewStatus::not_adopted)), now = now_utc_iso8601();
        db_.session() << "UPDATE meeting_views SET status = :status, reason = :reason, updated_at = :now WHERE id = :v",
            soci::use(status), soci::use(reason), soci::use(now), soci::use(key);
        return existing.version + 1;
    });
}

std::int64_t MeetingRepository::add_decision(const MeetingDecision& decision) {
    return db_.write("record decision", [&] {
        touch(decision.meeting_id, std::nullopt);
        const long long meeting = decision.meeting_id, plan = decision.plan_id.value_or(0);
        const std::string outcome = decision.plan_outcome.value_or(""), now = now_utc_iso8601();
        soci::indicator plan_flag = flag(decision.plan_id);
        soci::indicator outcome_flag = flag(decision.plan_outcome);
        db_.session() << "INSERT INTO meeting_decisions (meeting_id, text, plan_id, plan_outcome, created_at) "
                         "VALUES (:m, :text, :plan, :outcome, :created)",
            soci::use(meeting), soci::use(decision.text), soci::use(plan, plan_flag), soci::use(outcome, outcome_flag),
            soci::use(now);
        long long id = 0;
        db_.session().get_last_insert_id("meeting_decisions", id);
        return static_cast<std::int64_t>(id);
    });
}

std::vector<MeetingDecision> MeetingRepository::decisions(std::int64_t meeting_id) {
    return db_.read("list decisions", [&] {
        const long long key = meeting_id;
        long long id = 0, plan = 0;
        std::string outcome;
        soci::indicator plan_flag = soci::i_ok, outcome_flag = soci::i_ok;
        MeetingDecision row;
        std::vector<MeetingDecision> result;
        soci::statement query =
            (db_.session().prepare << "SELECT id, text, plan_id, plan_outcome FROM meeting_decisions "
                                      "WHERE meeting_id = :m ORDER BY id",
             soci::use(key), soci::into(id), soci::into(row.text), soci::into(plan, plan_flag),
             soci::into(outcome, outcome_flag));
        query.execute();
        while (query.fetch()) {
            row.id = id;
            row.meeting_id = meeting_id;
            row.plan_id = optional_of<std::int64_t>(plan, plan_flag);
            row.plan_outcome = optional_of(outcome, outcome_flag);
            result.push_back(row);
        }
        return result;
    });
}

std::int64_t MeetingRepository::add_action(const ActionItem& action) {
    return db_.write("record action item", [&] {
        touch(action.meeting_id, std::nullopt);
        const long long meeting = action.meeting_id, owner = action.owner_id.value_or(0);
        const std::string status(action_status_code(action.status)), now = now_utc_iso8601();
        soci::indicator owner_flag = flag(action.owner_id);
        db_.session() << "INSERT INTO action_items (meeting_id, description, owner_id, due_date, status, created_at) "
                         "VALUES (:m, :description, :owner, :due, :status, :created)",
            soci::use(meeting), soci::use(action.description), soci::use(owner, owner_flag), soci::use(action.due_date),
            soci::use(status), soci::use(now);
        long long id = 0;
        db_.session().get_last_insert_id("action_items", id);
        return static_cast<std::int64_t>(id);
    });
}

int MeetingRepository::set_action_status(std::int64_t action_id, ActionStatus status, std::optional<int> seen_version) {
    return db_.write("update action item", [&] {
        const ActionItem existing = action(action_id);
        bump_item_version("action_items", {"跟進事項", "action item"}, action_id, existing.version, seen_version);
        touch(existing.meeting_id, std::nullopt);
        const long long key = action_id;
        const std::string code(action_status_code(status));
        db_.session() << "UPDATE action_items SET status = :status WHERE id = :id", soci::use(code), soci::use(key);
        return existing.version + 1;
    });
}

ActionItem MeetingRepository::action(std::int64_t id) {
    long long meeting = 0;
    db_.session() << "SELECT meeting_id FROM action_items WHERE id = :id", soci::use(static_cast<long long>(id)),
        soci::into(meeting);
    if (db_.session().got_data()) {
        for (auto& item : actions({.meeting_id = meeting})) {
            if (item.id == id) return item;
        }
    }
    throw NotFound({fmt::format("找不到編號 {} 的跟進事項", id), fmt::format("no action item with id {}", id)});
}

std::vector<ActionItem> MeetingRepository::actions(const MeetingFilter& filter) {
    return db_.read("list action items", [&] {
        FilterSql sql(filter);
        long long id = 0, meeting = 0, owner = 0;
        soci::indicator owner_flag = soci::i_ok, zh_flag = soci::i_ok, en_flag = soci::i_ok;
        std::string status, owner_zh, owner_en;
        ActionItem row;
        std::vector<ActionItem> result;
        soci::statement query(db_.session());
        sql.bind(query, filter);
        query.exchange(soci::into(id));
        query.exchange(soci::into(meeting));
        query.exchange(soci::into(row.description));
        query.exchange(soci::into(owner, owner_flag));
        query.exchange(soci::into(owner_zh, zh_flag));
        query.exchange(soci::into(owner_en, en_flag));
        query.exchange(soci::into(row.due_date));
        query.exchange(soci::into(status));
        query.exchange(soci::into(row.version));
        run(query,
            "SELECT a.id, a.meeting_id, a.description, a.owner_id, s.name_zh, s.name_en, a.due_date, a.status, "
            "a.version FROM action_items a JOIN meetings m ON m.id = a.meeting_id "
            "LEFT JOIN stakeholders s ON s.id = a.owner_id" +
                sql.where + " ORDER BY a.due_date, a.id");
        while (query.fetch()) {
            row.id = id;
            row.meeting_id = meeting;
            row.owner_id = optional_of<std::int64_t>(owner, owner_flag);
            row.owner_name = {zh_flag == soci::i_ok ? owner_zh : "", en_flag == soci::i_ok ? owner_en : ""};
            row.status = parse_action_status(status).value_or(ActionStatus::open);
            result.push_back(row);
        }
        return result;
    });
}

}  // namespace dplan
