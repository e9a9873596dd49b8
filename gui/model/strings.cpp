#include "strings.hpp"

#include <algorithm>

namespace dplan::gui {

const std::vector<std::pair<std::string_view, Bilingual>>& Strings::table() {
    static const std::vector<std::pair<std::string_view, Bilingual>> entries = {
        {"app.title", {"地區福利規劃", "District Planner"}},
        {"screen.overview", {"概覽", "Overview"}},
        {"screen.editor", {"計劃編輯", "Plan editor"}},
        {"screen.review", {"審閱", "Review"}},
        {"screen.meetings", {"會議", "Meetings"}},
        {"screen.indicators", {"計劃及指標", "Programmes and indicators"}},
        {"screen.matrix", {"跨界別協作", "Cross-sector matrix"}},
        {"screen.plugins", {"外掛程式", "Plugins"}},
        {"label.district", {"地區", "District"}},
        {"label.plan", {"計劃書", "Plan"}},
        {"label.language", {"語言", "Language"}},
        {"label.status", {"狀態", "Status"}},
        {"label.theme", {"主題", "Theme"}},
        {"label.version", {"版本", "Version"}},
        {"label.objective", {"工作目標", "Objective"}},
        {"label.focus_points", {"工作計劃重點", "Focus points"}},
        {"label.sectors_engaged", {"參與界別", "Sectors engaged"}},
        {"label.findings", {"檢查結果", "Validation findings"}},
        {"label.achievement", {"指標達標率", "Indicator achievement"}},
        {"label.target_line", {"目標 100%", "target 100%"}},
        {"label.no_indicators", {"未有連結的計劃指標", "No linked programme indicators"}},
        {"label.no_plan", {"此地區未有計劃書", "This district has no plan yet"}},
        {"label.loading", {"載入中…", "Loading…"}},
        {"label.partners", {"合作界別", "Partner sectors"}},
        {"label.revisions", {"修訂紀錄", "Revision history"}},
        {"label.reason", {"修訂原因", "Reason for the change"}},
        {"label.diff", {"與上一版比較", "Changes from the previous revision"}},
        {"label.comments", {"意見", "Comments"}},
        {"label.whole_plan", {"整份計劃", "The whole plan"}},
        {"label.reply", {"回覆", "Reply"}},
        {"label.no_comments", {"未有意見", "No comments"}},
        {"label.draft_no_comments",
         {"計劃仍在草擬；提交委員會後才可發表意見。", "The plan is a draft; comments open once it is submitted."}},
        {"label.decisions", {"決定", "Decisions"}},
        {"label.upcoming", {"即將舉行", "Upcoming"}},
        {"label.past", {"已舉行", "Past"}},
        {"label.agenda", {"議程", "Agenda"}},
        {"label.attendance", {"出席情況", "Attendance"}},
        {"label.minutes", {"會議紀錄", "Minutes"}},
        {"label.views", {"提出的意見", "Views raised"}},
        {"label.actions", {"跟進事項", "Action items"}},
        {"label.overdue", {"逾期", "Overdue"}},
        {"label.due", {"限期", "Due"}},
        {"label.owner", {"負責人", "Owner"}},
        {"label.programme", {"服務計劃", "Programme"}},
        {"label.programmes", {"計劃數目", "Programmes"}},
        {"label.met", {"達標", "Met"}},
        {"label.below", {"未達標", "Below"}},
        {"label.not_applicable", {"不適用", "N/A"}},
        {"label.target_not_stated", {"目標未訂明", "target not stated"}},
        {"label.not_reported", {"未匯報", "Not reported"}},
        {"label.mean", {"平均達標率", "Mean achievement"}},
        {"label.filter", {"篩選", "Filter"}},
        {"label.all_programmes", {"全部地區及年度", "All districts and years"}},
        {"label.indicator", {"指標", "Indicator"}},
        {"label.target", {"目標", "Target"}},
        {"label.actual", {"實際", "Actual"}},
        {"label.shortfalls", {"最未達標的指標", "Furthest below target"}},
        {"label.matrix_help",
         {"每格：重點提及夥伴 / 會議出席人數 / 計劃數目。空格值得留意。",
          "Each cell: partners named / people present at meetings / programmes run. Empty cells are worth a look."}},
        {"label.empty_cells", {"空格", "Empty cells"}},
        {"label.loaded", {"已載入", "Loaded"}},
        {"label.refused", {"已拒絕", "Refused"}},
        {"label.panels", {"外掛面板", "Plugin panels"}},
        {"label.plugin", {"外掛", "Plugin"}},
        {"label.error", {"錯誤", "Error"}},
        {"label.conflict", {"計劃已被他人修改", "Someone else changed this plan"}},
        {"label.conflict_help",
         {"你的修改仍在編輯器中，未有遺失。沒有衝突的修改已自動合併；下列項目雙方都改了，"
          "請逐項選用其中一方或自行修改，然後在最新版本上儲存。",
          "Your edits are still in the editor; nothing is lost. Changes that do not clash are merged "
          "for you. Both sides changed the items below: keep one side or write your own for each, "
          "then save on top of the latest version."}},
        {"label.conflict_none",
         {"沒有衝突：雙方的修改可全部合併。", "No conflicts: every change from both sides merges."}},
        {"label.conflict_unsettled", {"尚待決定", "Still to decide"}},
        {"label.conflict_item", {"項目", "Item"}},
        {"label.conflict_base", {"原本（你開始編輯時）", "Base (when you started)"}},
        {"label.conflict_mine", {"你的修改", "Mine"}},
        {"label.conflict_theirs", {"其後儲存的版本", "Theirs (stored since)"}},
        {"label.conflict_choice", {"採用", "Keep"}},
        {"label.conflict_own", {"自行修改：", "My own text:"}},
        {"label.their_changes", {"他人其後的修改", "What others changed since"}},
        {"label.source", {"資料來源", "Data source"}},
        {"label.user", {"用戶", "User"}},
        {"label.import_progress", {"匯入中", "Importing"}},
        {"label.none", {"沒有", "None"}},
        {"button.save", {"儲存", "Save"}},
        {"button.submit", {"提交委員會", "Submit to the committee"}},
        {"button.add_point", {"新增工作計劃重點", "Add a focus point"}},
        {"button.remove_point", {"刪除此重點", "Remove this focus point"}},
        {"button.reload", {"重新載入", "Reload"}},
        {"button.other_language", {"English", "中文"}},
        {"button.apply_mine", {"套用合併結果到最新版本", "Apply the merge to the latest version"}},
        {"button.apply_and_save", {"合併並儲存", "Merge and save"}},
        {"button.keep_mine", {"用我的", "Mine"}},
        {"button.keep_theirs", {"用其後的", "Theirs"}},
        {"button.close", {"關閉", "Close"}},
        {"button.comment", {"發表意見", "Comment"}},
        {"button.resolve", {"標示為已解決", "Resolve"}},
        {"button.decide", {"記錄決定", "Record decision"}},
        {"button.save_minutes", {"儲存紀錄", "Save minutes"}},
        {"button.mark_done", {"標示完成", "Mark done"}},
        {"button.import", {"匯入指標 CSV", "Import indicator CSV"}},
        {"button.export_pdf", {"匯出委員會文件 PDF", "Export the committee paper (PDF)"}},
        {"outcome.noted", {"備悉", "Noted"}},
        {"outcome.endorsed", {"通過", "Endorsed"}},
        {"outcome.returned", {"發還修訂", "Returned"}},
    };
    return entries;
}

const char* Strings::operator()(std::string_view key) const {
    const auto& entries = table();
    const auto found =
        std::find_if(entries.begin(), entries.end(), [&](const auto& entry) { return entry.first == key; });
    if (found == entries.end()) return "?";
    return found->second.in(language_).c_str();
}

const std::string& Strings::pick(const Bilingual& text) const {
    const std::string& chosen = text.in(language_);
    return chosen.empty() ? (language_ == Language::zh ? text.en : text.zh) : chosen;
}

}  // namespace dplan::gui
