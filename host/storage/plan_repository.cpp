#include "storage/plan_repository.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "domain/financial_year.hpp"
#include "domain/plan_json.hpp"
#include "domain/section_texts.hpp"
#include "domain/text_opening.hpp"
#include "domain/timestamp.hpp"

namespace dplan {

namespace {

[[noreturn]] void plan_not_found(std::int64_t id) {
    throw NotFound({fmt::format("找不到編號 {} 的計劃。可用 dplan plan list 查看現有計劃。", id),
                    fmt::format("no plan with id {}; 'dplan plan list' shows the plans there are", id)});
}

}  // namespace

void validate_plan_shape(const Plan& plan) {
    require_financial_year(plan.financial_year);
    std::set<std::string> seen;
    for (const auto& section : plan.sections) {
        if (section.area_id.empty() || section.area_id.size() > 64) {
            throw InvalidInput({"每個服務範疇部分都需要 1 至 64 個字元的範疇代號",
                                "every section needs a service-area id of 1 to 64 characters"});
        }
        if (!seen.insert(section.area_id).second) {
            throw InvalidInput({fmt::format("服務範疇「{}」出現多於一次", section.area_id),
                                fmt::format("service area '{}' appears more than once", section.area_id)});
        }
    }
}

std::int64_t PlanRepository::create(const Plan& plan, std::int64_t author_id, const std::string& reason) {
    validate_plan_shape(plan);
    return db_.write("create plan", [&] {
        const std::string now = now_utc_iso8601();
        const long long district = plan.district_id;
        const std::string status(status_code(PlanStatus::draft));
        db_.session() << "INSERT INTO plans (district_id, financial_year, paper_no, theme_zh, "
                         "theme_en, purpose_zh, purpose_en, advice_zh, advice_en, council_zh, council_en, "
                         "committee_zh, committee_en, office_zh, office_en, status, version, "
                         "created_at, updated_at) VALUES (:district, :year, :paper, :theme_zh, "
                         ":theme_en, :purpose_zh, :purpose_en, :advice_zh, :advice_en, :council_zh, :council_en, "
                         ":committee_zh, :committee_en, :office_zh, :office_en, :status, 1, "
                         ":created, :updated)",
            soci::use(district), soci::use(plan.financial_year), soci::use(plan.paper_no), soci::use(plan.theme.zh),
            soci::use(plan.theme.en), soci::use(plan.purpose.zh), soci::use(plan.purpose.en),
            soci::use(plan.advice_sought.zh), soci::use(plan.advice_sought.en), soci::use(plan.council.zh),
            soci::use(plan.council.en), soci::use(plan.committee.zh), soci::use(plan.committee.en),
            soci::use(plan.office.zh), soci::use(plan.office.en), soci::use(status), soci::use(now), soci::use(now);
        long long id = 0;
        db_.session().get_last_insert_id("plans", id);
        int position = 0;
        for (const auto& section : plan.sections) insert_section(id, ++position, section);
        add_revision(id, 1, author_id, reason, now);
        return static_cast<std::int64_t>(id);
    });
}

int PlanRepository::save(const Plan& plan, std::int64_t author_id, const std::string& reason) {
    validate_plan_shape(plan);
    return db_.write(fmt::format("save plan {}", plan.id), [&] {
        const std::string now = now_utc_iso8601();
        const long long id = plan.id;
        const int expected = plan.version;
        // The version check and the bump are one statement, so two savers cannot both win.
        soci::statement update =
            (db_.session().prepare << "UPDATE plans SET paper_no = :paper, theme_zh = :theme_zh, "
                                      "theme_en = :theme_en, purpose_zh = :purpose_zh, "
                                      "purpose_en = :purpose_en, advice_zh = :advice_zh, "
                                      "advice_en = :advice_en, council_zh = :council_zh, "
                                      "council_en = :council_en, committee_zh = :committee_zh, "
                                      "committee_en = :committee_en, office_zh = :office_zh, "
                                      "office_en = :office_en, version = version + 1, "
                                      "updated_at = :updated WHERE id = :id AND version = :expected "
                                      "AND status IN ('draft', 'returned')",
             soci::use(plan.paper_no), soci::use(plan.theme.zh), soci::use(plan.theme.en), soci::use(plan.purpose.zh),
             soci::use(plan.purpose.en), soci::use(plan.advice_sought.zh), soci::use(plan.advice_sought.en),
             soci::use(plan.council.zh), soci::use(plan.council.en), soci::use(plan.committee.zh),
             soci::use(plan.committee.en), soci::use(plan.office.zh), soci::use(plan.office.en), soci::use(now),
             soci::use(id), soci::use(expected));
        update.execute(true);
        if (update.get_affected_rows() != 1) throw_conflict(plan);

        const Plan stored = *load(plan.id);
        sync_sections(stored, plan);
        const int version = expected + 1;
        add_revision(plan.id, version, author_id, reason, now);
        return version;
    });
}

void PlanRepository::throw_conflict(const Plan& wanted) {
    const auto current = load(wanted.id);
    if (!current) plan_not_found(wanted.id);
    if (current->version == wanted.version) {
        // Same version, so the status stopped the save: a submitted plan is frozen.
        throw InvalidInput(
            {fmt::format("計劃 {} 的狀態為「{}」，已凍結，不能修改；委員會發還後才可再修改。未有儲存任何改動。",
                         wanted.id, status_name(current->status).zh),
             fmt::format("plan {} is {} and frozen; it can be edited again only if the committee returns "
                         "it. Nothing was saved.",
                         wanted.id, status_name(current->status).en)});
    }
    std::string zh_changes, en_changes;
    for (const auto& revision : revisions(wanted.id)) {
        if (revision.number <= wanted.version) continue;
        zh_changes += fmt::format("\n  第 {} 版：{}，{}（{}）", revision.number, revision.author_name,
                                  revision.created_at, revision.reason);
        en_changes += fmt::format("\n  revision {} by {} at {}: {}", revision.number, revision.author_name,
                                  revision.created_at, revision.reason);
    }
    throw Conflict({fmt::format("計劃 {} 已被他人修改（你編輯的是第 {} 版，現為第 {} 版），你的修改未有儲存。"
                                "請重新載入後再改。其後的修改：{}",
                                wanted.id, wanted.version, current->version, zh_changes),
                    fmt::format("plan {} was changed by someone else (you edited version {}, it is now at {}); "
                                "your changes were not saved. Reload and edit again. Changed since:{}",
                                wanted.id, wanted.version, current->version, en_changes)});
}

void PlanRepository::sync_sections(const Plan& stored, const Plan& wanted) {
    int position = 0;
    for (const auto& section : wanted.sections) {
        ++position;
        const PlanSection* existing = stored.section(section.area_id);
        if (existing == nullptr) {
            insert_section(stored.id, position, section);
            continue;
        }
        const long long section_id = existing->id;
        db_.session() << "UPDATE plan_sections SET position = :position, objective_zh = :zh, "
                         "objective_en = :en WHERE id = :id",
            soci::use(position), soci::use(section.objective.zh), soci::use(section.objective.en),
            soci::use(section_id);
        write_section_texts(existing->id, section);
        sync_focus_points(*existing, section);
    }
    for (const auto& old : stored.sections) {
        if (wanted.section(old.area_id) != nullptr) continue;
        for (const auto& point : old.focus_points) refuse_if_meeting_cites(point);  // they go with it
        const long long section_id = old.id;
        db_.session() << "DELETE FROM plan_sections WHERE id = :id", soci::use(section_id);
    }
}

void PlanRepository::sync_focus_points(const PlanSection& stored, const PlanSection& wanted) {
    std::set<std::int64_t> kept;
    int position = 0;
    for (const auto& point : wanted.focus_points) {
        ++position;
        if (point.id == 0) {
            insert_focus_point(stored.id, position, point);
            continue;
        }
        const bool belongs = std::any_of(stored.focus_points.begin(), stored.focus_points.end(),
                                         [&](const FocusPoint& p) { return p.id == point.id; });
        if (!belongs) {
            throw InvalidInput(
                {fmt::format("工作計劃重點 {} 不屬於「{}」部分", point.id, stored.area_id),
                 fmt::format("focus point {} does not belong to section '{}'", point.id, stored.area_id)});
        }
        kept.insert(point.id);
        const long long point_id = point.id;
        db_.session() << "UPDATE focus_points SET position = :position, text_zh = :zh, "
                         "text_en = :en WHERE id = :id",
            soci::use(position), soci::use(point.text.zh), soci::use(point.text.en), soci::use(point_id);
        db_.session() << "DELETE FROM focus_point_sectors WHERE focus_point_id = :id", soci::use(point_id);
        write_partners(point.id, point.partners);
    }
    for (const auto& old : stored.focus_points) {
        if (kept.contains(old.id)) continue;
        const long long point_id = old.id;
        refuse_if_meeting_cites(old);
        db_.session() << "DELETE FROM focus_points WHERE id = :id", soci::use(point_id);
    }
}

// A meeting's record points at focus points (an agenda item, a view's response): removing one
// would rewrite what the meeting did. Refused by name, instead of the database's refusal, which
// reads as "try again" and never succeeds.
void PlanRepository::refuse_if_meeting_cites(const FocusPoint& point) {
    const long long point_id = point.id;
    long long meeting = 0;
    db_.session() << "SELECT meeting_id FROM agenda_items WHERE focus_point_id = :a UNION "
                     "SELECT v.meeting_id FROM view_responses r JOIN meeting_views v ON v.id = r.view_id "
                     "WHERE r.focus_point_id = :b",
        soci::use(point_id), soci::use(point_id), soci::into(meeting);
    if (!db_.session().got_data()) return;
    throw InvalidInput({fmt::format("工作計劃重點 {}「{}」已被會議 {} 的議程或意見回應引用，不能刪除；請保留這個重點",
                                    point.id, opening(point.text.zh, 24), meeting),
                        fmt::format("focus point {} \"{}\" cannot be removed: meeting {} refers to it (its agenda or "
                                    "a response to a view); keep the focus point",
                                    point.id, opening(point.text.en, 24), meeting)});
}

void PlanRepository::insert_section(std::int64_t plan_id, int position, const PlanSection& section) {
    const long long plan = plan_id;
    db_.session() << "INSERT INTO plan_sections (plan_id, area_id, position, objective_zh, "
                     "objective_en) VALUES (:plan, :area, :position, :zh, :en)",
        soci::use(plan), soci::use(section.area_id), soci::use(position), soci::use(section.objective.zh),
        soci::use(section.objective.en);
    long long section_id = 0;
    db_.session().get_last_insert_id("plan_sections", section_id);
    write_section_texts(section_id, section);
    int point_position = 0;
    for (const auto& point : section.focus_points) {
        insert_focus_point(section_id, ++point_position, point);
    }
}

// The section's texts besides its objective: one row each that has something in it.
void PlanRepository::write_section_texts(std::int64_t section_id, const PlanSection& section) {
    const long long id = section_id;
    for (const auto& text : section_texts) {
        if (text.builtin) continue;
        const Bilingual& value = section.*text.member;
        const std::string key(text.key);
        // Only the texts this version knows: one written by a newer version stays as it was.
        db_.session() << "DELETE FROM plan_section_texts WHERE section_id = :id AND text_key = :key", soci::use(id),
            soci::use(key);
        if (value.empty()) continue;
        db_.session() << "INSERT INTO plan_section_texts (section_id, text_key, text_zh, text_en) "
                         "VALUES (:id, :key, :zh, :en)",
            soci::use(id), soci::use(key), soci::use(value.zh), soci::use(value.en);
    }
}

void PlanRepository::insert_focus_point(std::int64_t section_id, int position, const FocusPoint& point) {
    const long long section = section_id;
    db_.session() << "INSERT INTO focus_points (section_id, position, text_zh, text_en) "
                     "VALUES (:section, :position, :zh, :en)",
        soci::use(section), soci::use(position), soci::use(point.text.zh), soci::use(point.text.en);
    long long point_id = 0;
    db_.session().get_last_insert_id("focus_points", point_id);
    write_partners(point_id, point.partners);
}

void PlanRepository::write_partners(std::int64_t focus_point_id, const std::vector<Sector>& partners) {
    const long long point = focus_point_id;
    std::set<Sector> written;
    for (Sector sector : partners) {
        if (!written.insert(sector).second) continue;  // naming a sector twice means once
        const std::string code(sector_code(sector));
        db_.session() << "INSERT INTO focus_point_sectors (focus_point_id, sector) "
                         "VALUES (:point, :sector)",
            soci::use(point), soci::use(code);
    }
}

void PlanRepository::add_revision(std::int64_t plan_id, int number, std::int64_t author_id, const std::string& reason,
                                  const std::string& now) {
    const std::string snapshot = plan_to_json(*load(plan_id));
    const long long plan = plan_id;
    const long long author = author_id;
    db_.session() << "INSERT INTO plan_revisions (plan_id, number, author_id, created_at, reason, "
                     "snapshot) VALUES (:plan, :number, :author, :created, :reason, :snapshot)",
        soci::use(plan), soci::use(number), soci::use(author), soci::use(now), soci::use(reason), soci::use(snapshot);
}

std::optional<Plan> PlanRepository::find(std::int64_t id) {
    return db_.read(fmt::format("read plan {}", id), [&] { return load(id); });
}

Plan PlanRepository::get(std::int64_t id) {
    auto plan = find(id);
    if (!plan) plan_not_found(id);
    return std::move(*plan);
}

std::optional<Plan> PlanRepository::load(std::int64_t id) {
    soci::session& sql = db_.session();
    const long long key = id;
    Plan plan;
    long long district = 0;
    std::string status;
    int submitted = 0;
    soci::indicator submitted_flag = soci::i_null;
    sql << "SELECT district_id, financial_year, paper_no, theme_zh, theme_en, purpose_zh, "
           "purpose_en, advice_zh, advice_en, council_zh, council_en, committee_zh, committee_en, "
           "office_zh, office_en, status, version, created_at, updated_at, "
           "submitted_revision FROM plans WHERE id = :id",
        soci::use(key), soci::into(district), soci::into(plan.financial_year), soci::into(plan.paper_no),
        soci::into(plan.theme.zh), soci::into(plan.theme.en), soci::into(plan.purpose.zh), soci::into(plan.purpose.en),
        soci::into(plan.advice_sought.zh), soci::into(plan.advice_sought.en), soci::into(plan.council.zh),
        soci::into(plan.council.en), soci::into(plan.committee.zh), soci::into(plan.committee.en),
        soci::into(plan.office.zh), soci::into(plan.office.en), soci::into(status), soci::into(plan.version),
        soci::into(plan.created_at), soci::into(plan.updated_at), soci::into(submitted, submitted_flag);
    if (!sql.got_data()) return std::nullopt;
    if (submitted_flag == soci::i_ok) plan.submitted_revision = submitted;
    plan.id = id;
    plan.district_id = district;
    plan.status = parse_status(status).value_or(PlanStatus::draft);

    load_sections(plan);
    load_focus_points(plan);
    return plan;
}

// The plan's sections in order, with their texts.
void PlanRepository::load_sections(Plan& plan) {
    soci::session& sql = db_.session();
    const long long key = plan.id;
    std::map<std::int64_t, std::size_t> section_index;
    {
        long long section_id = 0;
        PlanSection row;
        soci::statement query = (sql.prepare << "SELECT id, area_id, objective_zh, objective_en FROM plan_sections "
                                                "WHERE plan_id = :id ORDER BY position",
                                 soci::use(key), soci::into(section_id), soci::into(row.area_id),
                                 soci::into(row.objective.zh), soci::into(row.objective.en));
        query.execute();
        while (query.fetch()) {
            row.id = section_id;
            section_index[section_id] = plan.sections.size();
            plan.sections.push_back(row);
        }
    }
    {
        long long section_id = 0;
        std::string text_key, zh, en;
        soci::statement query =
            (sql.prepare << "SELECT t.section_id, t.text_key, t.text_zh, t.text_en "
                            "FROM plan_section_texts t JOIN plan_sections s ON s.id = t.section_id "
                            "WHERE s.plan_id = :id",
             soci::use(key), soci::into(section_id), soci::into(text_key), soci::into(zh), soci::into(en));
        query.execute();
        while (query.fetch()) {
            const auto text = std::find_if(section_texts.begin(), section_texts.end(),
                                           [&](const SectionText& t) { return !t.builtin && t.key == text_key; });
            // A text this version does not know (written by a newer one) is left alone in storage.
            if (text != section_texts.end()) plan.sections[section_index.at(section_id)].*text->member = {zh, en};
        }
    }
}

// The focus points of the plan's sections, in order, with their partner sectors.
void PlanRepository::load_focus_points(Plan& plan) {
    soci::session& sql = db_.session();
    const long long key = plan.id;
    std::map<std::int64_t, std::size_t> section_index;
    for (std::size_t i = 0; i < plan.sections.size(); ++i) section_index[plan.sections[i].id] = i;
    std::map<std::int64_t, FocusPoint*> points;
    {
        long long point_id = 0;
        long long section_id = 0;
        FocusPoint row;
        soci::statement query = (sql.prepare << "SELECT f.id, f.section_id, f.text_zh, f.text_en FROM focus_points f "
                                                "JOIN plan_sections s ON s.id = f.section_id WHERE s.plan_id = :id "
                                                "ORDER BY f.section_id, f.position",
                                 soci::use(key), soci::into(point_id), soci::into(section_id), soci::into(row.text.zh),
                                 soci::into(row.text.en));
        query.execute();
        while (query.fetch()) {
            row.id = point_id;
            plan.sections[section_index.at(section_id)].focus_points.push_back(row);
        }
        for (auto& section : plan.sections) {
            for (auto& point : section.focus_points) points[point.id] = &point;
        }
    }
    {
        long long point_id = 0;
        std::string sector;
        soci::statement query = (sql.prepare << "SELECT p.focus_point_id, p.sector FROM focus_point_sectors p "
                                                "JOIN focus_points f ON f.id = p.focus_point_id "
                                                "JOIN plan_sections s ON s.id = f.section_id "
                                                "JOIN sectors k ON k.code = p.sector "
                                                "WHERE s.plan_id = :id ORDER BY p.focus_point_id, k.position",
                                 soci::use(key), soci::into(point_id), soci::into(sector));
        query.execute();
        while (query.fetch()) {
            if (auto parsed = parse_sector(sector)) points.at(point_id)->partners.push_back(*parsed);
        }
    }
}

std::vector<PlanSummary> PlanRepository::list(const PlanFilter& filter) {
    return db_.read("list plans", [&] {
        const long long district = filter.district_id.value_or(0);
        const int by_district = filter.district_id ? 1 : 0;
        const std::string year = filter.financial_year.value_or("");
        const int by_year = filter.financial_year ? 1 : 0;
        // The reader's scope, set by the service layer.
        const int readable = filter.scope.nothing ? 0 : 1;
        const long long scope_district = filter.scope.district_id.value_or(0);
        const int by_scope_district = filter.scope.district_id ? 1 : 0;
        const int submitted_only = filter.scope.submitted_only ? 1 : 0;
        long long id = 0;
        long long district_id = 0;
        PlanSummary row;
        std::string status;
        std::vector<PlanSummary> plans;
        soci::statement query =
            (db_.session().prepare
                 << "SELECT p.id, p.district_id, d.code, d.name_zh, d.name_en, p.financial_year, p.theme_zh, "
                    "p.theme_en, p.status, p.version, p.updated_at FROM plans p "
                    "JOIN districts d ON d.id = p.district_id "
                    "WHERE (:by_district = 0 OR p.district_id = :district) "
                    "AND (:by_year = 0 OR p.financial_year = :year) "
                    "AND :readable = 1 AND (:by_scope_district = 0 OR p.district_id = :scope_district) "
                    "AND (:submitted_only = 0 OR p.status <> 'draft') "
                    "ORDER BY p.financial_year DESC, d.code, p.id",
             soci::use(by_district, "by_district"), soci::use(district, "district"), soci::use(by_year, "by_year"),
             soci::use(year, "year"), soci::use(readable, "readable"),
             soci::use(by_scope_district, "by_scope_district"), soci::use(scope_district, "scope_district"),
             soci::use(submitted_only, "submitted_only"), soci::into(id), soci::into(district_id),
             soci::into(row.district_code), soci::into(row.district_name.zh), soci::into(row.district_name.en),
             soci::into(row.financial_year), soci::into(row.theme.zh), soci::into(row.theme.en), soci::into(status),
             soci::into(row.version), soci::into(row.updated_at));
        query.execute();
        while (query.fetch()) {
            row.id = id;
            row.district_id = district_id;
            row.status = parse_status(status).value_or(PlanStatus::draft);
            plans.push_back(row);
        }
        return plans;
    });
}

namespace {

// A plan's summary, given its id after the "=": kept prepared below, and read at a comment's turn
// (PlanRepository::summary_read).
constexpr std::string_view summary_by_id =
    "SELECT p.district_id, d.code, d.name_zh, d.name_en, p.financial_year, p.theme_zh, p.theme_en, p.status, "
    "p.version, p.updated_at FROM plans p JOIN districts d ON d.id = p.district_id WHERE p.id = ";

// Every comment and workflow step checks its plan's summary: kept prepared.
struct SummaryById final : KeptStatement {
    long long key = 0, district_id = 0;
    PlanSummary plan;
    std::string status;
    soci::statement statement;
    explicit SummaryById(soci::session& session)
        : statement((session.prepare << std::string(summary_by_id) + ":id", soci::use(key), soci::into(district_id),
                     soci::into(plan.district_code), soci::into(plan.district_name.zh),
                     soci::into(plan.district_name.en), soci::into(plan.financial_year), soci::into(plan.theme.zh),
                     soci::into(plan.theme.en), soci::into(status), soci::into(plan.version),
                     soci::into(plan.updated_at))) {}
};

}  // namespace

PlanSummary PlanRepository::summary(std::int64_t id) {
    return db_.read(fmt::format("read plan {}", id), [&] {
        auto& query = db_.kept<SummaryById>();
        query.key = id;
        if (!db_.run_kept(query.statement)) plan_not_found(id);
        PlanSummary plan = query.plan;
        plan.id = id;
        plan.district_id = query.district_id;
        plan.status = parse_status(query.status).value_or(PlanStatus::draft);
        return plan;
    });
}

TurnRead PlanRepository::summary_read(std::int64_t id) { return {std::string(summary_by_id) + "?", {id}}; }

PlanSummary PlanRepository::summary_from(std::int64_t id, const std::optional<BatchRow>& row) {
    if (!row || row->size() != 10) plan_not_found(id);
    const auto text = [&](std::size_t column) { return (*row)[column].value_or(""); };
    PlanSummary plan;
    plan.id = id;
    plan.district_id = std::stoll(text(0));
    plan.district_code = text(1);
    plan.district_name = {text(2), text(3)};
    plan.financial_year = text(4);
    plan.theme = {text(5), text(6)};
    plan.status = parse_status(text(7)).value_or(PlanStatus::draft);
    plan.version = std::stoi(text(8));
    plan.updated_at = text(9);
    return plan;
}

Plan PlanRepository::revision(std::int64_t plan_id, int number) {
    return db_.read("read revision", [&] {
        const long long key = plan_id;
        std::string snapshot;
        db_.session() << "SELECT snapshot FROM plan_revisions WHERE plan_id = :plan AND number = :number",
            soci::use(key), soci::use(number), soci::into(snapshot);
        if (!db_.session().got_data()) {
            throw NotFound({fmt::format("計劃 {} 沒有第 {} 版", plan_id, number),
                            fmt::format("plan {} has no revision {}", plan_id, number)});
        }
        return plan_from_json(snapshot);
    });
}

void PlanRepository::change_status(std::int64_t plan_id, PlanStatus from, PlanStatus to, std::int64_t actor_id,
                                   bool freeze) {
    db_.write(fmt::format("change status of plan {}", plan_id), [&] {
        const long long key = plan_id;
        const long long actor = actor_id;
        const std::string from_code(status_code(from));
        const std::string to_code(status_code(to));
        const int freeze_flag = freeze ? 1 : 0;
        const std::string now = now_utc_iso8601();
        soci::statement update =
            (db_.session().prepare << "UPDATE plans SET status = :to, updated_at = :now, submitted_revision = "
                                      "CASE WHEN :freeze = 1 THEN version ELSE submitted_revision END "
                                      "WHERE id = :id AND status = :from",
             soci::use(to_code, "to"), soci::use(now, "now"), soci::use(freeze_flag, "freeze"), soci::use(key, "id"),
             soci::use(from_code, "from"));
        update.execute(true);
        if (update.get_affected_rows() != 1) {
            const auto current = load(plan_id);
            if (!current) plan_not_found(plan_id);
            throw Conflict(
                {fmt::format("計劃 {} 的狀態已變為「{}」，未有改動", plan_id, status_name(current->status).zh),
                 fmt::format("plan {} is now {}, not {}; nothing was changed", plan_id, status_name(current->status).en,
                             status_name(from).en)});
        }
        db_.session() << "INSERT INTO plan_status_changes (plan_id, from_status, to_status, revision, actor_id, "
                         "changed_at) SELECT id, :from, :to, version, :actor, :now FROM plans WHERE id = :id",
            soci::use(from_code, "from"), soci::use(to_code, "to"), soci::use(actor, "actor"), soci::use(now, "now"),
            soci::use(key, "id");
    });
}

std::vector<StatusChange> PlanRepository::status_changes(std::int64_t plan_id) {
    return db_.read("list status changes", [&] {
        const long long key = plan_id;
        std::string from, to;
        StatusChange row;
        std::vector<StatusChange> changes;
        soci::statement query =
            (db_.session().prepare << "SELECT c.from_status, c.to_status, c.revision, u.display_name, c.changed_at "
                                      "FROM plan_status_changes c JOIN users u ON u.id = c.actor_id "
                                      "WHERE c.plan_id = :plan ORDER BY c.id",
             soci::use(key), soci::into(from), soci::into(to), soci::into(row.revision), soci::into(row.actor_name),
             soci::into(row.changed_at));
        query.execute();
        while (query.fetch()) {
            row.from = parse_status(from).value_or(PlanStatus::draft);
            row.to = parse_status(to).value_or(PlanStatus::draft);
            changes.push_back(row);
        }
        return changes;
    });
}

std::vector<PlanRevision> PlanRepository::revisions(std::int64_t plan_id) {
    return db_.read("list revisions", [&] {
        const long long key = plan_id;
        long long author = 0;
        PlanRevision row;
        std::vector<PlanRevision> result;
        soci::statement query =
            (db_.session().prepare << "SELECT r.number, r.author_id, u.display_name, r.created_at, "
                                      "r.reason FROM plan_revisions r JOIN users u ON "
                                      "u.id = r.author_id WHERE r.plan_id = :plan ORDER BY r.number",
             soci::use(key), soci::into(row.number), soci::into(author), soci::into(row.author_name),
             soci::into(row.created_at), soci::into(row.reason));
        query.execute();
        while (query.fetch()) {
            row.author_id = author;
            result.push_back(row);
        }
        return result;
    });
}

}  // namespace dplan
