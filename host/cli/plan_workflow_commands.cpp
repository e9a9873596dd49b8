// dplan plan new | edit | history | diff | submit | review | comment | reply | decide
#include <fmt/format.h>

#include <ostream>

#include "cli/commands.hpp"
#include "cli/findings_text.hpp"
#include "cli/plan_edit.hpp"
#include "domain/section_texts.hpp"

namespace dplan::cli {

namespace {

PlanWorkflow workflow(Context& context) { return context.plans(); }

struct NewOptions {
    std::string district, year, paper_no, theme_zh, theme_en, purpose_zh, purpose_en, advice_zh, advice_en;
};

void new_plan(Context& context, const NewOptions& options) {
    Plan draft;
    draft.district_id = context.districts().by_code(options.district).id;
    draft.financial_year = options.year;
    draft.paper_no = options.paper_no;
    draft.theme = {options.theme_zh, options.theme_en};
    draft.purpose = {options.purpose_zh, options.purpose_en};
    draft.advice_sought = {options.advice_zh, options.advice_en};
    auto flow = workflow(context);
    const auto id = flow.create(draft, "新計劃 / New plan");
    context.out << context.pick({fmt::format("已建立草擬計劃，編號 {}。各服務範疇的撰寫指引：", id),
                                 fmt::format("Created draft plan {}. Guidance for each service area:", id)})
                << '\n';
    for (const auto& section : flow.get(id).sections) {
        const auto* plugin = context.plugins().find_area(section.area_id);
        if (plugin == nullptr) continue;
        context.out << fmt::format("  [{}] {}\n    {}\n    {}\n", section.area_id, context.pick(plugin->area()->name),
                                   context.pick(plugin->area()->objective_guidance),
                                   context.pick(plugin->area()->focus_point_guidance));
    }
}

struct EditOptions {
    std::int64_t id = 0;
    int version = 0;
    std::string reason;
    PlanEdits edits;
};

void edit_plan(Context& context, const EditOptions& options) {
    auto flow = workflow(context);
    Plan plan = flow.get(options.id);
    if (options.version > 0) plan.version = options.version;  // what the editor last saw
    if (options.edits.empty()) {
        throw InvalidInput(
            {"沒有指明要修改甚麼；見 dplan plan edit --help", "nothing to change; see 'dplan plan edit --help'"});
    }
    apply_edits(plan, options.edits);
    int version = 0;
    try {
        version = flow.save(plan, options.reason);
    } catch (const Conflict& refused) {
        const Plan latest = flow.get(options.id);
        if (plan.version >= latest.version) throw;  // not a revision the plan has had
        throw explain_stale_edit(refused, flow.revision(options.id, plan.version), options.edits, latest);
    }
    context.out << context.pick({fmt::format("已儲存計劃 {}，現為第 {} 版。", options.id, version),
                                 fmt::format("Saved plan {}; it is now at revision {}.", options.id, version)})
                << '\n';
}

void print_history(Context& context, std::int64_t id) {
    const PlanHistory history = workflow(context).history(id);
    context.out << context.pick({"修訂紀錄：", "Revisions:"}) << '\n';
    for (const auto& revision : history.revisions) {
        context.out << fmt::format("  {:>3}  {}  {}  {}\n", revision.number, revision.created_at, revision.author_name,
                                   revision.reason);
    }
    const auto& changes = history.status_changes;
    if (!changes.empty()) context.out << context.pick({"狀態變更：", "Status changes:"}) << '\n';
    for (const auto& change : changes) {
        context.out << fmt::format("  {}  {} → {}  ({} {})  {}\n", change.changed_at,
                                   context.pick(status_name(change.from)), context.pick(status_name(change.to)),
                                   context.pick({"第", "revision"}), change.revision, change.actor_name);
    }
    for (const auto& decision : history.decisions) {
        context.out << fmt::format("  {} {}: {} ({} {}) {} {}\n", context.pick({"決定", "Decision"}),
                                   decision.decided_on, context.pick(status_name(decision.outcome)),
                                   context.pick({"第", "revision"}), decision.revision, decision.meeting_ref,
                                   decision.note);
    }
}

void print_diff(Context& context, std::int64_t id, int from, int to) {
    auto flow = workflow(context);
    if (to == 0) to = flow.get(id).version;
    if (from == 0) from = std::max(1, to - 1);
    const auto changes = flow.diff(id, from, to);
    context.out << context.pick(
                       {fmt::format("第 {} 版 → 第 {} 版：", from, to), fmt::format("Revision {} → {}:", from, to)})
                << '\n';
    if (changes.empty()) context.out << "  " << context.pick({"沒有改動", "no changes"}) << '\n';
    for (const auto& change : changes)
        context.out << fmt::format("  {}: {}\n", context.pick(change.where), context.pick(change.what));
}

void print_review(Context& context, std::int64_t id) {
    const PlanReview review = workflow(context).review(id);
    const Plan& plan = review.plan;
    context.out << fmt::format("{} {} · {}", context.pick({"計劃", "Plan"}), id,
                               context.pick(status_name(plan.status)));
    if (plan.submitted_revision) {
        context.out << fmt::format(" · {} {}", context.pick({"提交版本", "submitted revision"}),
                                   *plan.submitted_revision);
    }
    context.out << '\n';
    const auto& comments = review.comments;
    if (comments.empty()) context.out << "  " << context.pick({"未有評論", "no comments"}) << '\n';
    // Threads: each top-level comment, then everything that answers it, in order.
    for (const auto& top : comments) {
        if (top.parent_id) continue;
        std::string target = top.area_id ? *top.area_id : context.pick({"整份計劃", "whole plan"});
        if (top.focus_point_id) target += fmt::format(" #{}", *top.focus_point_id);
        const bool resolved = std::any_of(comments.begin(), comments.end(), [&](const ReviewComment& c) {
            return c.parent_id == top.id && c.kind == CommentKind::resolution;
        });
        context.out << fmt::format("  [{}] {} · {} {} · {} · {}{}\n    {}\n", top.id, target,
                                   context.pick({"第", "rev"}), top.revision, top.author_name, top.created_at,
                                   resolved ? context.pick({" · 已解決", " · resolved"}) : "", top.body);
        for (const auto& answer : comments) {
            if (answer.parent_id != top.id) continue;
            context.out << fmt::format("      [{}] {} · {} · {}\n        {}\n", answer.id,
                                       context.pick(comment_kind_name(answer.kind)), answer.author_name,
                                       answer.created_at, answer.body);
        }
    }
    for (const auto& decision : review.decisions) {
        context.out << fmt::format("  {} {}: {} · {} {}\n", context.pick({"決定", "Decision"}), decision.decided_on,
                                   context.pick(status_name(decision.outcome)), decision.meeting_ref, decision.note);
    }
}

// plan new: start a draft plan with one section per service area.
void add_new_command(CLI::App* plan, Context& context) {
    auto new_options = std::make_shared<NewOptions>();
    auto* create = plan->add_subcommand("new", "Start a draft plan with one section per service area / 新增草擬計劃");
    create->add_option("--district", new_options->district, "District code / 地區代號")->required();
    create->add_option("--year", new_options->year, "Financial year, e.g. 2025-26 / 財政年度")->required();
    create->add_option("--paper-no", new_options->paper_no, "Paper number, e.g. 3/25-26 / 文件編號");
    create->add_option("--theme-zh", new_options->theme_zh, "Theme in Chinese / 主題（中文）");
    create->add_option("--theme-en", new_options->theme_en, "Theme in English / 主題（英文）");
    create->add_option("--purpose-zh", new_options->purpose_zh, "Purpose (Chinese) / 目的（中文）");
    create->add_option("--purpose-en", new_options->purpose_en, "Purpose (English) / 目的（英文）");
    create->add_option("--advice-zh", new_options->advice_zh, "Advice sought (Chinese) / 諮詢意見（中文）");
    create->add_option("--advice-en", new_options->advice_en, "Advice sought (English) / 諮詢意見（英文）");
    create->callback([&context, new_options] { new_plan(context, *new_options); });
}

// plan edit: change a draft or returned plan; saves a revision.
void add_edit_command(CLI::App* plan, Context& context) {
    auto edit_options = std::make_shared<EditOptions>();
    auto& e = edit_options->edits;
    auto* edit = plan->add_subcommand("edit", "Change a draft or returned plan; saves a revision / 修改計劃");
    edit->add_option("ID", edit_options->id, "Plan id / 計劃編號")->required();
    edit->add_option("--reason", edit_options->reason, "Why (kept in the history) / 修改原因")->required();
    edit->add_option("--version", edit_options->version,
                     "The revision you edited; refused if the plan changed since / 你所修改的版本");
    edit->add_option("--theme-zh", e.theme_zh, "主題（中文）/ Theme (Chinese)");
    edit->add_option("--theme-en", e.theme_en, "Theme (English) / 主題（英文）");
    edit->add_option("--purpose-zh", e.purpose_zh, "目的（中文）");
    edit->add_option("--purpose-en", e.purpose_en, "Purpose (English)");
    edit->add_option("--advice-zh", e.advice_zh, "諮詢意見（中文）");
    edit->add_option("--advice-en", e.advice_en, "Advice sought (English)");
    edit->add_option("--paper-no", e.paper_no, "Paper number / 文件編號");
    edit->add_option("--council-zh", e.council_zh, "District Council the paper goes to (Chinese) / 區議會（中文）");
    edit->add_option("--council-en", e.council_en, "District Council the paper goes to (English) / 區議會（英文）");
    edit->add_option("--committee-zh", e.committee_zh, "Committee the paper goes to (Chinese) / 委員會（中文）");
    edit->add_option("--committee-en", e.committee_en, "Committee the paper goes to (English) / 委員會（英文）");
    edit->add_option("--office-zh", e.office_zh, "Welfare office the paper is from (Chinese) / 福利辦事處（中文）");
    edit->add_option("--office-en", e.office_en, "Welfare office the paper is from (English) / 福利辦事處（英文）");
    for (const auto& text : section_texts) {
        const std::string key(text.key);
        edit->add_option("--" + key, e.section_text_zh[key],
                         fmt::format("AREA=TEXT: {} in Chinese / {}（中文）", text.label.en, text.label.zh));
        edit->add_option("--" + key + "-en", e.section_text_en[key],
                         fmt::format("AREA=TEXT: {} in English / {}（英文）", text.label.en, text.label.zh));
    }
    edit->add_option("--add-point", e.add_point, "AREA=TEXT: add a focus point (Chinese) / 新增工作計劃重點");
    edit->add_option("--point", e.point_zh, "POINT_ID=TEXT: reword a focus point (Chinese) / 修改重點（中文）");
    edit->add_option("--point-en", e.point_en, "POINT_ID=TEXT: reword a focus point (English) / 修改重點（英文）");
    edit->add_option("--partners", e.partners, "POINT_ID=ngo,health,...: set partner sectors / 合作界別");
    edit->add_option("--remove-point", e.remove_point, "POINT_ID: remove a focus point / 刪除重點");
    edit->add_option("--move-point", e.move_point, "POINT_ID=POSITION: reorder / 調動次序");
    edit->callback([&context, edit_options] { edit_plan(context, *edit_options); });
}

struct AddAreaOptions {
    std::int64_t id = 0;
    std::string area, reason;
};

// plan add-area: a section for a plugin installed after the plan was drafted.
void add_add_area_command(CLI::App* plan, Context& context) {
    auto add_area_options = std::make_shared<AddAreaOptions>();
    auto* add_area = plan->add_subcommand(
        "add-area", "Add a loaded plugin's service-area section to a draft or returned plan / 加入服務範疇部分");
    add_area->add_option("ID", add_area_options->id, "Plan id / 計劃編號")->required();
    add_area->add_option("AREA", add_area_options->area, "Service area id, e.g. drug_outreach / 服務範疇代號")
        ->required();
    add_area->add_option("--reason", add_area_options->reason, "Why (kept in the history) / 原因");
    add_area->callback([&context, add_area_options] {
        const auto& o = *add_area_options;
        const int version = workflow(context).add_area(o.id, o.area, o.reason);
        context.out << context.pick({fmt::format("已在計劃 {} 加入「{}」部分，現為第 {} 版。", o.id, o.area, version),
                                     fmt::format("Added the {} section to plan {}; it is now at revision {}.", o.area,
                                                 o.id, version)})
                    << '\n';
    });
}

// plan history: revisions, status changes and decisions.
void add_history_command(CLI::App* plan, Context& context) {
    auto history_id = std::make_shared<std::int64_t>(0);
    auto* history = plan->add_subcommand("history", "Revisions, status changes and decisions / 修訂紀錄");
    history->add_option("ID", *history_id, "Plan id / 計劃編號")->required();
    history->callback([&context, history_id] { print_history(context, *history_id); });
}

// plan diff: what changed between two revisions.
void add_diff_command(CLI::App* plan, Context& context) {
    struct DiffOptions {
        std::int64_t id = 0;
        int from = 0, to = 0;
    };
    auto diff_options = std::make_shared<DiffOptions>();
    auto* diff = plan->add_subcommand("diff", "What changed between two revisions / 比較兩個版本");
    diff->add_option("ID", diff_options->id, "Plan id / 計劃編號")->required();
    diff->add_option("--from", diff_options->from, "Older revision (default: the one before --to) / 較舊版本");
    diff->add_option("--to", diff_options->to, "Newer revision (default: the latest) / 較新版本");
    diff->callback(
        [&context, diff_options] { print_diff(context, diff_options->id, diff_options->from, diff_options->to); });
}

// plan submit: submit to the committee; freezes the revision.
void add_submit_command(CLI::App* plan, Context& context) {
    auto submit_id = std::make_shared<std::int64_t>(0);
    auto* submit = plan->add_subcommand("submit", "Submit to the committee; freezes the revision / 提交委員會");
    submit->add_option("ID", *submit_id, "Plan id / 計劃編號")->required();
    submit->callback([&context, submit_id] {
        auto flow = workflow(context);
        flow.submit(*submit_id);
        context.out << context.pick(
                           {fmt::format("計劃 {} 已提交。", *submit_id), fmt::format("Plan {} submitted.", *submit_id)})
                    << '\n';
        // Warnings do not stop a submission, but the officer should see what the committee will.
        const auto findings = flow.findings(*submit_id);
        if (!findings.empty()) {
            context.out << context.pick({"仍有以下提示：", "Still to note:"}) << '\n'
                        << findings_as_text(context, findings);
        }
    });
}

// plan review: show comment threads and decisions; --start begins review.
void add_review_command(CLI::App* plan, Context& context) {
    auto review_id = std::make_shared<std::int64_t>(0);
    auto start = std::make_shared<bool>(false);
    auto* review = plan->add_subcommand("review", "Show comment threads and decisions; --start begins review / 審閱");
    review->add_option("ID", *review_id, "Plan id / 計劃編號")->required();
    review->add_flag("--start", *start, "Put the submitted plan under review / 開始審閱");
    review->callback([&context, review_id, start] {
        if (*start) workflow(context).start_review(*review_id);
        print_review(context, *review_id);
    });
}

// plan comment: comment on a plan, a section or a focus point.
void add_comment_command(CLI::App* plan, Context& context) {
    struct CommentOptions {
        std::int64_t id = 0;
        std::string text, area;
        std::int64_t focus_point = 0;
    };
    auto comment_options = std::make_shared<CommentOptions>();
    auto* comment = plan->add_subcommand("comment", "Comment on a plan, a section or a focus point / 評論");
    comment->add_option("ID", comment_options->id, "Plan id / 計劃編號")->required();
    comment->add_option("--text", comment_options->text, "The comment / 評論內容")->required();
    comment->add_option("--area", comment_options->area, "On this section (area id) / 針對此部分");
    comment->add_option("--focus-point", comment_options->focus_point, "On this focus point (id) / 針對此重點");
    comment->callback([&context, comment_options] {
        CommentTarget target;
        if (!comment_options->area.empty()) target.area_id = comment_options->area;
        if (comment_options->focus_point > 0) target.focus_point_id = comment_options->focus_point;
        const auto id = workflow(context).comment(comment_options->id, target, comment_options->text);
        context.out << context.pick({fmt::format("已加入評論 {}。", id), fmt::format("Added comment {}.", id)}) << '\n';
    });
}

// plan reply: reply to, resolve or correct a comment.
void add_reply_command(CLI::App* plan, Context& context) {
    struct ReplyOptions {
        std::int64_t comment_id = 0;
        std::string text;
        bool resolve = false, correct = false;
    };
    auto reply_options = std::make_shared<ReplyOptions>();
    auto* reply = plan->add_subcommand("reply", "Reply to, resolve or correct a comment / 回覆、解決或更正評論");
    reply->add_option("COMMENT_ID", reply_options->comment_id, "Comment id / 評論編號")->required();
    reply->add_option("--text", reply_options->text, "The reply / 內容")->required();
    auto* resolve = reply->add_flag("--resolve", reply_options->resolve, "Mark the thread resolved / 標示為已解決");
    reply->add_flag("--correct", reply_options->correct, "Correct your own comment (both are kept) / 更正自己的評論")
        ->excludes(resolve);
    reply->callback([&context, reply_options] {
        const CommentKind kind = reply_options->resolve   ? CommentKind::resolution
                                 : reply_options->correct ? CommentKind::correction
                                                          : CommentKind::reply;
        const auto id = workflow(context).respond(reply_options->comment_id, kind, reply_options->text);
        context.out << context.pick({fmt::format("已加入 {}。", id), fmt::format("Added {}.", id)}) << '\n';
    });
}

// plan decide: record the committee's decision.
void add_decide_command(CLI::App* plan, Context& context) {
    struct DecideOptions {
        std::int64_t id = 0;
        std::string outcome, date, meeting, note;
    };
    auto decide_options = std::make_shared<DecideOptions>();
    auto* decide = plan->add_subcommand("decide", "Record the committee's decision / 記錄委員會決定");
    decide->add_option("ID", decide_options->id, "Plan id / 計劃編號")->required();
    decide->add_option("--outcome", decide_options->outcome, "noted, endorsed or returned / 備悉、通過或發還")
        ->required()
        ->check(CLI::IsMember({"noted", "endorsed", "returned"}));
    decide->add_option("--date", decide_options->date, "Date of the decision, YYYY-MM-DD / 決定日期")->required();
    decide->add_option("--meeting", decide_options->meeting, "The meeting where it was taken / 會議");
    decide->add_option("--note", decide_options->note, "Note / 備註");
    decide->callback([&context, decide_options] {
        workflow(context).decide(decide_options->id, *parse_status(decide_options->outcome), decide_options->date,
                                 decide_options->meeting, decide_options->note);
        context.out << context.pick({"已記錄決定。", "Decision recorded."}) << '\n';
    });
}

}  // namespace

void register_plan_workflow_commands(CLI::App& app, Context& context) {
    auto* plan = app.get_subcommand("plan");
    for (auto* add :
         {add_new_command, add_edit_command, add_add_area_command, add_history_command, add_diff_command,
          add_submit_command, add_review_command, add_comment_command, add_reply_command, add_decide_command})
        add(plan, context);
}

}  // namespace dplan::cli
