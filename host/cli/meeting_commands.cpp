// dplan meeting new | list | show | attend | agenda | minutes | view | action | decide | export
#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/document_output.hpp"
#include "domain/period.hpp"
#include "domain/timestamp.hpp"
#include "services/meeting_minutes.hpp"

namespace dplan::cli {

namespace {

std::string today_utc() { return now_utc_iso8601().substr(0, 10); }

std::optional<int> seen(int version) { return version > 0 ? std::optional<int>(version) : std::nullopt; }

struct NewOptions {
    std::string title_zh, title_en, kind = "planning_meeting", start, end, time_zone = "Asia/Hong_Kong", venue, online,
                                    district;
    std::int64_t plan = 0, chair = 0;
    std::vector<std::int64_t> invite;
    std::vector<std::string> agenda;  // "TITLE" or "area:TITLE"
};

void new_meeting(Context& context, const NewOptions& options) {
    Meeting meeting;
    meeting.title = {options.title_zh, options.title_en};
    meeting.kind = *parse_meeting_kind(options.kind);
    meeting.starts_at = options.start;
    meeting.ends_at = options.end.empty() ? options.start : options.end;
    meeting.time_zone = options.time_zone;
    meeting.venue = options.venue;
    meeting.online_link = options.online;
    if (options.plan > 0) {
        meeting.plan_id = options.plan;
        meeting.district_id = context.plans().get(options.plan).district_id;
    }
    if (!options.district.empty()) meeting.district_id = context.districts().by_code(options.district).id;
    if (meeting.district_id == 0) {
        throw InvalidInput({"須以 --district 或 --plan 指明地區", "give the district with --district or --plan"});
    }
    if (options.chair > 0) meeting.chair_id = options.chair;
    for (const auto id : options.invite)
        meeting.attendees.push_back({id, {}, Sector::resident, Attendance::invited, {}});
    for (const auto& text : options.agenda) {
        AgendaItem item;
        const auto colon = text.find(':');
        if (colon != std::string::npos && colon > 0 && text.substr(0, colon).find(' ') == std::string::npos) {
            item.area_id = text.substr(0, colon);
            item.title.zh = text.substr(colon + 1);
        } else {
            item.title.zh = text;
        }
        meeting.agenda.push_back(item);
    }
    const auto id = context.meetings().create(meeting);
    context.out << context.pick({fmt::format("已建立會議 {}。", id), fmt::format("Created meeting {}.", id)}) << '\n';
}

void list_meetings(Context& context, const std::string& district, std::int64_t plan, const std::string& when) {
    MeetingFilter filter;
    if (!district.empty()) filter.district_id = context.districts().by_code(district).id;
    if (plan > 0) filter.plan_id = plan;
    const std::string now = today_utc();
    for (const auto& meeting : context.meetings().list(filter)) {
        const bool upcoming = meeting.starts_at.substr(0, 10) >= now;
        if ((when == "upcoming" && !upcoming) || (when == "past" && upcoming)) continue;
        context.out << fmt::format("{:>4}  {}  {:<22} {}\n", meeting.id, meeting.starts_at,
                                   context.pick(meeting_kind_name(meeting.kind)), context.pick(meeting.title));
    }
}

void show_meeting(Context& context, std::int64_t id) {
    const MeetingRecord record = context.meetings().record(id);
    const Meeting& m = record.meeting;
    context.out << fmt::format("{} [{}] ({} {})\n", context.pick(m.title), context.pick(meeting_kind_name(m.kind)),
                               context.pick({"版本", "version"}), m.version);
    context.out << fmt::format("  {} – {} {}\n", m.starts_at, m.ends_at, m.time_zone);
    if (!m.venue.empty()) context.out << "  " << context.pick({"地點", "Venue"}) << ": " << m.venue << '\n';
    if (!m.online_link.empty())
        context.out << "  " << context.pick({"網上", "Online"}) << ": " << m.online_link << '\n';
    if (!record.chair.empty())
        context.out << "  " << context.pick({"主席", "Chair"}) << ": " << context.pick(record.chair) << '\n';
    context.out << context.pick({"出席：", "Attendance:"}) << '\n';
    for (const auto& a : m.attendees) {
        context.out << fmt::format("  #{} {} ({}) – {}\n", a.stakeholder_id, context.pick(a.name),
                                   context.pick(sector_name(a.sector)), context.pick(attendance_name(a.attendance)));
    }
    context.out << context.pick({"議程：", "Agenda:"}) << '\n';
    for (const auto& item : m.agenda) {
        context.out << fmt::format("  {}. {}{}\n", item.position, context.pick(item.title),
                                   item.area_id ? " [" + context.pick(context.area_name(*item.area_id)) + "]" : "");
        if (!item.minutes.empty()) context.out << "     " << item.minutes << '\n';
    }
    context.out << context.pick({"意見：", "Views raised:"}) << '\n';
    for (const auto& v : record.views) {
        context.out << fmt::format("  #{} [{}] {}: {} – {}{}\n", v.id, context.pick(context.area_name(v.area_id)),
                                   context.pick(v.raised_by), v.text, context.pick(view_status_name(v.status)),
                                   v.reason.empty() ? "" : " (" + v.reason + ")");
    }
    context.out << context.pick({"決定：", "Decisions:"}) << '\n';
    for (const auto& d : record.decisions) context.out << "  - " << d.text << '\n';
    context.out << context.pick({"跟進事項：", "Action items:"}) << '\n';
    const std::string today = today_utc();
    for (const auto& a : record.actions) {
        context.out << fmt::format("  #{} {} – {} {} {}{}\n", a.id, a.description, context.pick(a.owner_name),
                                   a.due_date, context.pick(action_status_name(a.status)),
                                   a.overdue(today) ? context.pick({"  【逾期】", "  [OVERDUE]"}) : "");
    }
}

void export_meeting(Context& context, std::int64_t id, const std::string& format, const std::string& out) {
    if (format == "ics") {
        const std::string stamp = [] {
            std::string now = now_utc_iso8601();  // 2024-11-23T12:00:00Z
            std::erase(now, '-');
            std::erase(now, ':');
            return now.substr(0, 15) + "Z";
        }();
        write_text_document(context, context.meetings().calendar(id, stamp), out);
        return;
    }
    const MeetingRecord record = context.meetings().record(id);
    const auto blocks = meeting_minutes(
        record, [&](const std::string& area) { return context.area_name(area); }, today_utc());
    if (format == "pdf") {
        write_pdf_document(context, blocks, out);
    } else {
        write_text_document(context, paper_as_markdown(blocks), out);
    }
}

// meeting new: plan a meeting.
void add_new_command(CLI::App* meeting, Context& context) {
    auto new_options = std::make_shared<NewOptions>();
    auto* create = meeting->add_subcommand("new", "Plan a meeting / 籌備會議");
    create->add_option("--title-zh", new_options->title_zh, "Title in Chinese / 中文名稱");
    create->add_option("--title-en", new_options->title_en, "Title in English / 英文名稱");
    create
        ->add_option("--kind", new_options->kind,
                     "planning_meeting, committee_meeting, working_group, seminar or consultation_session / 類別")
        ->check(CLI::IsMember(
            {"planning_meeting", "committee_meeting", "working_group", "seminar", "consultation_session"}))
        ->capture_default_str();
    create->add_option("--start", new_options->start, "Local start, 2024-06-18T14:30 / 開始時間")->required();
    create->add_option("--end", new_options->end, "Local end / 結束時間");
    create->add_option("--time-zone", new_options->time_zone, "IANA time zone / 時區")->capture_default_str();
    create->add_option("--venue", new_options->venue, "Venue / 地點");
    create->add_option("--online", new_options->online, "Online meeting link / 網上會議連結");
    create->add_option("--district", new_options->district, "District code / 地區代號");
    create->add_option("--plan", new_options->plan, "The plan it discusses / 討論的計劃書");
    create->add_option("--chair", new_options->chair, "Chair (stakeholder id) / 主席");
    create->add_option("--invite", new_options->invite, "Invitee stakeholder ids (repeatable) / 邀請")->delimiter(',');
    create->add_option("--agenda", new_options->agenda, "Agenda item, optionally AREA:TITLE (repeatable) / 議程");
    create->callback([&context, new_options] { new_meeting(context, *new_options); });
}

// meeting list: meetings by start time, optionally only upcoming or past ones.
void add_list_command(CLI::App* meeting, Context& context) {
    struct ListOptions {
        std::string district, when = "all";
        std::int64_t plan = 0;
    };
    auto list_options = std::make_shared<ListOptions>();
    auto* list = meeting->add_subcommand("list", "Meetings, by start time / 會議列表");
    list->add_option("--district", list_options->district, "District code / 地區代號");
    list->add_option("--plan", list_options->plan, "Meetings on this plan / 計劃書");
    list->add_option("--when", list_options->when, "all, upcoming or past / 時間")
        ->check(CLI::IsMember({"all", "upcoming", "past"}))
        ->capture_default_str();
    list->callback([&context, list_options] {
        list_meetings(context, list_options->district, list_options->plan, list_options->when);
    });
}

// meeting show: everything about one meeting.
void add_show_command(CLI::App* meeting, Context& context) {
    auto show_id = std::make_shared<std::int64_t>(0);
    auto* show = meeting->add_subcommand("show", "Everything about a meeting / 會議詳情");
    show->add_option("ID", *show_id, "Meeting id / 會議編號")->required();
    show->callback([&context, show_id] { show_meeting(context, *show_id); });
}

// meeting attend: invitations and attendance.
void add_attend_command(CLI::App* meeting, Context& context) {
    struct AttendOptions {
        std::int64_t id = 0;
        int version = 0;
        std::vector<std::int64_t> present, apologies, absent, invite;
    };
    auto attend_options = std::make_shared<AttendOptions>();
    auto* attend = meeting->add_subcommand("attend", "Invite people and record attendance / 出席紀錄");
    attend->add_option("ID", attend_options->id, "Meeting id / 會議編號")->required();
    attend->add_option("--invite", attend_options->invite, "Stakeholder ids invited / 邀請")->delimiter(',');
    attend->add_option("--present", attend_options->present, "Stakeholder ids present / 出席")->delimiter(',');
    attend->add_option("--apologies", attend_options->apologies, "Stakeholder ids sending apologies / 因事缺席")
        ->delimiter(',');
    attend->add_option("--absent", attend_options->absent, "Stakeholder ids absent / 缺席")->delimiter(',');
    attend->add_option("--version", attend_options->version, "The meeting version you saw (meeting show) / 版本");
    attend->callback([&context, attend_options] {
        std::vector<std::pair<std::int64_t, Attendance>> changes;
        for (const auto& [ids, attendance] : {std::pair{&attend_options->invite, Attendance::invited},
                                              std::pair{&attend_options->present, Attendance::present},
                                              std::pair{&attend_options->apologies, Attendance::apologies},
                                              std::pair{&attend_options->absent, Attendance::absent}}) {
            for (const auto id : *ids) changes.emplace_back(id, attendance);
        }
        context.meetings().record_attendance(attend_options->id, changes, seen(attend_options->version));
        context.out << context.pick({"已記錄出席。", "Attendance recorded."}) << '\n';
    });
}

// meeting agenda: one more agenda item.
void add_agenda_command(CLI::App* meeting, Context& context) {
    struct AgendaOptions {
        std::int64_t id = 0, focus_point = 0;
        int version = 0;
        std::string title_zh, title_en, area;
    };
    auto agenda_options = std::make_shared<AgendaOptions>();
    auto* agenda = meeting->add_subcommand("agenda", "Add an agenda item / 加入議程");
    agenda->add_option("ID", agenda_options->id, "Meeting id / 會議編號")->required();
    agenda->add_option("--title-zh", agenda_options->title_zh, "Title in Chinese / 中文標題");
    agenda->add_option("--title-en", agenda_options->title_en, "Title in English / 英文標題");
    agenda->add_option("--area", agenda_options->area, "The plan section it discusses / 服務範疇");
    agenda->add_option("--focus-point", agenda_options->focus_point, "Or one focus point of it / 工作計劃重點");
    agenda->add_option("--version", agenda_options->version, "The meeting version you saw / 版本");
    agenda->callback([&context, agenda_options] {
        AgendaItem item;
        item.title = {agenda_options->title_zh, agenda_options->title_en};
        if (!agenda_options->area.empty()) item.area_id = agenda_options->area;
        if (agenda_options->focus_point > 0) item.focus_point_id = agenda_options->focus_point;
        const int position =
            context.meetings().add_agenda_item(agenda_options->id, item, seen(agenda_options->version));
        context.out << context.pick({fmt::format("已加入第 {} 項議程。", position),
                                     fmt::format("Added agenda item {}.", position)})
                    << '\n';
    });
}

// meeting minutes: what was discussed under an agenda item.
void add_minutes_command(CLI::App* meeting, Context& context) {
    struct MinutesOptions {
        std::int64_t id = 0;
        int item = 0, version = 0;
        std::string text;
    };
    auto minutes_options = std::make_shared<MinutesOptions>();
    auto* minutes = meeting->add_subcommand("minutes", "Record the minutes of an agenda item / 會議紀錄");
    minutes->add_option("ID", minutes_options->id, "Meeting id / 會議編號")->required();
    minutes->add_option("--item", minutes_options->item, "Agenda item number / 議程編號")->required();
    minutes->add_option("--text", minutes_options->text, "What was discussed / 討論內容")->required();
    minutes->add_option("--version", minutes_options->version, "The meeting version you saw / 版本");
    minutes->callback([&context, minutes_options] {
        context.meetings().set_minutes(minutes_options->id, minutes_options->item, minutes_options->text,
                                       seen(minutes_options->version));
        context.out << context.pick({"已記錄。", "Minutes recorded."}) << '\n';
    });
}

// meeting view add | address | decline: views raised and what the plan did about them.
void add_view_commands(CLI::App* meeting, Context& context) {
    auto* view = meeting->add_subcommand("view", "Views raised and what was done about them / 意見");
    view->require_subcommand(1);
    struct ViewOptions {
        std::int64_t id = 0, by = 0, focus_point = 0, plan = 0;
        int item = 0, revision = 0;
        std::string area, text, organisation, sector, reason;
    };
    auto view_options = std::make_shared<ViewOptions>();
    auto* raise = view->add_subcommand("add", "Record a view raised at a meeting / 記錄意見");
    raise->add_option("MEETING_ID", view_options->id, "Meeting id / 會議編號")->required();
    raise->add_option("--area", view_options->area, "Service area it concerns / 服務範疇")->required();
    raise->add_option("--text", view_options->text, "The view / 意見內容")->required();
    raise->add_option("--by", view_options->by, "Stakeholder id who raised it / 提出者");
    raise->add_option("--organisation", view_options->organisation, "Or the organisation (name) / 機構");
    raise->add_option("--sector", view_options->sector, "Or the sector / 界別");
    raise->add_option("--item", view_options->item, "Agenda item number / 議程編號");
    raise->callback([&context, view_options] {
        auto meetings = context.meetings();
        RaisedView raised;
        raised.meeting_id = view_options->id;
        raised.area_id = view_options->area;
        raised.text = view_options->text;
        if (view_options->by > 0) raised.stakeholder_id = view_options->by;
        if (!view_options->organisation.empty()) {
            const auto organisation = context.directory().organisation(view_options->organisation);
            raised.organisation_id = organisation.id;
            raised.sector = organisation.sector;
        }
        if (!view_options->sector.empty()) {
            raised.sector = parse_sector(view_options->sector);
            if (!raised.sector) {
                throw InvalidInput(
                    {fmt::format("不明界別「{}」", view_options->sector),
                     fmt::format("unknown sector '{}' (ngo, health, education, business, district_group, "
                                 "government, resident)",
                                 view_options->sector)});
            }
        }
        if (view_options->item > 0) {
            for (const auto& item : meetings.get(view_options->id).agenda) {
                if (item.position == view_options->item) raised.agenda_item_id = item.id;
            }
            if (!raised.agenda_item_id)
                throw NotFound({"沒有此議程項目", fmt::format("no agenda item {}", view_options->item)});
        }
        const auto id = meetings.raise_view(raised);
        context.out << context.pick({fmt::format("已記錄意見 {}。", id), fmt::format("Recorded view {}.", id)}) << '\n';
    });
    auto* address = view->add_subcommand("address", "The plan responds to the view / 意見已納入計劃");
    address->add_option("VIEW_ID", view_options->id, "View id / 意見編號")->required();
    address->add_option("--focus-point", view_options->focus_point, "The focus point that responds / 工作計劃重點");
    address->add_option("--plan", view_options->plan, "Or a plan ... / 計劃書");
    address->add_option("--revision", view_options->revision, "... and its revision that responds / 修訂版本");
    address->callback([&context, view_options] {
        ViewResponse response;
        if (view_options->focus_point > 0) response.focus_point_id = view_options->focus_point;
        if (view_options->plan > 0) response.plan_id = view_options->plan;
        if (view_options->revision > 0) response.revision = view_options->revision;
        context.meetings().address_view(view_options->id, response);
        context.out << context.pick({"已記錄：意見已納入計劃。", "Recorded: addressed in the plan."}) << '\n';
    });
    auto* decline = view->add_subcommand("decline", "The view is not adopted, with the reason / 不採納");
    decline->add_option("VIEW_ID", view_options->id, "View id / 意見編號")->required();
    decline->add_option("--reason", view_options->reason, "Why / 原因")->required();
    decline->callback([&context, view_options] {
        context.meetings().decline_view(view_options->id, view_options->reason);
        context.out << context.pick({"已記錄：不採納。", "Recorded: not adopted."}) << '\n';
    });
}

// meeting action add | set | list: action items and their due dates.
void add_action_commands(CLI::App* meeting, Context& context) {
    auto* action = meeting->add_subcommand("action", "Action items / 跟進事項");
    action->require_subcommand(1);
    struct ActionOptions {
        std::int64_t id = 0, owner = 0, plan = 0;
        std::string text, due, as_of, district, status;
        bool overdue = false;
    };
    auto action_options = std::make_shared<ActionOptions>();
    auto* action_add = action->add_subcommand("add", "Add an action item / 加入跟進事項");
    action_add->add_option("MEETING_ID", action_options->id, "Meeting id / 會議編號")->required();
    action_add->add_option("--text", action_options->text, "What is to be done / 事項")->required();
    action_add->add_option("--owner", action_options->owner, "Stakeholder id responsible / 負責人");
    action_add->add_option("--due", action_options->due, "Due date, YYYY-MM-DD / 限期")->required();
    action_add->callback([&context, action_options] {
        ActionItem item;
        item.meeting_id = action_options->id;
        item.description = action_options->text;
        if (action_options->owner > 0) item.owner_id = action_options->owner;
        item.due_date = action_options->due;
        const auto id = context.meetings().add_action(item);
        context.out << context.pick({fmt::format("已加入跟進事項 {}。", id), fmt::format("Added action item {}.", id)})
                    << '\n';
    });
    auto* action_set = action->add_subcommand("set", "Mark an action item done or cancelled / 更新狀態");
    action_set->add_option("ACTION_ID", action_options->id, "Action item id / 事項編號")->required();
    action_set->add_option("--status", action_options->status, "open, done or cancelled / 狀態")
        ->check(CLI::IsMember({"open", "done", "cancelled"}))
        ->required();
    action_set->callback([&context, action_options] {
        context.meetings().set_action_status(action_options->id, *parse_action_status(action_options->status));
        context.out << context.pick({"已更新。", "Updated."}) << '\n';
    });
    auto* action_list =
        action->add_subcommand("list", "Action items by due date; overdue ones stand out / 跟進事項列表");
    action_list->add_option("--district", action_options->district, "District code / 地區代號");
    action_list->add_option("--plan", action_options->plan, "Of meetings on this plan / 計劃書");
    action_list->add_flag("--overdue", action_options->overdue, "Only open items past their due date / 只列逾期");
    action_list->add_option("--as-of", action_options->as_of, "The day to count from (default today) / 以此日計算");
    action_list->callback([&context, action_options] {
        MeetingFilter filter;
        if (!action_options->district.empty())
            filter.district_id = context.districts().by_code(action_options->district).id;
        if (action_options->plan > 0) filter.plan_id = action_options->plan;
        const std::string today = action_options->as_of.empty() ? today_utc() : action_options->as_of;
        require_iso_date(today);
        for (const auto& item : context.meetings().actions(filter)) {
            const bool overdue = item.overdue(today);
            if (action_options->overdue && !overdue) continue;
            context.out << fmt::format("{:>4}  {}  {:<10} {}  {} ({}){}\n", item.id, item.due_date,
                                       context.pick(action_status_name(item.status)), item.description,
                                       context.pick(item.owner_name),
                                       context.pick({"會議", "meeting"}) + " " + std::to_string(item.meeting_id),
                                       overdue ? context.pick({"  【逾期】", "  [OVERDUE]"}) : "");
        }
    });
}

// meeting decide: a decision, and with --outcome the committee's decision on the plan.
void add_decide_command(CLI::App* meeting, Context& context) {
    struct DecideOptions {
        std::int64_t id = 0;
        std::string text, outcome;
    };
    auto decide_options = std::make_shared<DecideOptions>();
    auto* decide = meeting->add_subcommand(
        "decide", "Record a decision; with --outcome, the committee's decision on the plan / 決定");
    decide->add_option("ID", decide_options->id, "Meeting id / 會議編號")->required();
    decide->add_option("--text", decide_options->text, "The decision / 決定內容")->required();
    decide
        ->add_option("--outcome", decide_options->outcome,
                     "noted, endorsed or returned: decides the meeting's plan / 計劃決定")
        ->check(CLI::IsMember({"noted", "endorsed", "returned"}));
    decide->callback([&context, decide_options] {
        std::optional<PlanStatus> outcome;
        if (!decide_options->outcome.empty()) outcome = parse_status(decide_options->outcome);
        context.meetings().decide(decide_options->id, decide_options->text, outcome);
        context.out << context.pick({"已記錄決定。", "Decision recorded."}) << '\n';
    });
}

// meeting export: iCalendar, or the minutes as Markdown or PDF.
void add_export_command(CLI::App* meeting, Context& context) {
    struct ExportOptions {
        std::int64_t id = 0;
        std::string format = "md", out;
    };
    auto export_options = std::make_shared<ExportOptions>();
    auto* exporter =
        meeting->add_subcommand("export", "The meeting as iCalendar, or its minutes as Markdown or PDF / 匯出");
    exporter->add_option("ID", export_options->id, "Meeting id / 會議編號")->required();
    exporter->add_option("--format", export_options->format, "ics, md or pdf / 格式")
        ->check(CLI::IsMember({"ics", "md", "pdf"}))
        ->capture_default_str();
    exporter->add_option("--out", export_options->out, "Output file (needed for PDF) / 輸出檔案");
    exporter->callback([&context, export_options] {
        export_meeting(context, export_options->id, export_options->format, export_options->out);
    });
}

}  // namespace

void register_meeting_commands(CLI::App& app, Context& context) {
    auto* meeting = app.add_subcommand("meeting", "Stakeholder meetings, views raised, decisions, action items / 會議");
    meeting->require_subcommand(1);
    for (auto* add :
         {add_new_command, add_list_command, add_show_command, add_attend_command, add_agenda_command,
          add_minutes_command, add_view_commands, add_action_commands, add_decide_command, add_export_command}) {
        add(meeting, context);
    }
}

}  // namespace dplan::cli
