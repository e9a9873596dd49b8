#include "strings.hpp"

#include <algorithm>

namespace dplan::gui {

// Long because it is one table, a line per label, that reads best whole.
const std::vector<std::pair<std::string_view, Bilingual>>& Strings::table() {
    static const std::vector<std::pair<std::string_view, Bilingual>> entries = {
        {"app.title", {"地區福利規劃", "District Planner"}},
        {"screen.overview", {"概覽", "Overview"}},
        {"screen.editor", {"計劃編輯", "Plan editor"}},
        {"screen.review", {"審閱", "Review"}},
        {"screen.meetings", {"會議", "Meetings"}},
        {"screen.indicators", {"計劃及指標", "Programmes and indicators"}},
        {"screen.matrix", {"跨界別協作", "Cross-sector matrix"}},
        {"screen.trends", {"歷年趨勢", "Trends"}},
        {"screen.plugins", {"外掛程式", "Plugins"}},
        {"title.conflict", {"計劃已被他人修改", "Someone else changed this plan"}},
        {"title.error", {"錯誤", "Error"}},
        {"title.help", {"鍵盤快捷鍵", "Keyboard shortcuts"}},
        {"title.submit", {"提交委員會", "Submit to the committee"}},
        {"title.matrix_cell", {"協作詳情", "Who and what"}},
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
        {"label.target_line",
         {"紅線：成果指標以目標的 100% 為準；成效指標以其目標比率為準",
          "red line: 100% of the target for outputs, the target rate for outcomes"}},
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
        {"label.mean_output", {"成果指標平均達標率", "Mean output achievement"}},
        {"label.filter", {"篩選", "Filter"}},
        {"label.all_programmes", {"全部地區及年度", "All districts and years"}},
        {"label.indicator", {"指標", "Indicator"}},
        {"label.target", {"目標", "Target"}},
        {"label.actual", {"實際", "Actual"}},
        {"label.shortfalls", {"最未達標的指標", "Furthest below target"}},
        {"label.matrix_help",
         {"按格查看詳情：哪些工作計劃重點以該界別為夥伴、哪些人出席了討論該範疇的會議。",
          "Click a cell for who and what: the focus points naming the sector, the people present at meetings on the "
          "area."}},
        {"label.legend_empty",
         {"空格：該界別未有參與此範疇，值得留意", "Empty: the sector takes no part in the area yet"}},
        {"label.legend_engaged", {"已參與：顏色越深，參與越多", "Engaged: the darker, the more it takes part"}},
        {"label.area", {"服務範疇", "Service area"}},
        {"label.cell_none", {"未有參與", "not engaged"}},
        {"label.cell_partner", {"項重點", "focus point"}},
        {"label.cell_partners", {"項重點", "focus points"}},
        {"label.cell_present", {"人出席", "present"}},
        {"label.cell_programme", {"個計劃", "programme"}},
        {"label.cell_programmes", {"個計劃", "programmes"}},
        {"label.cell_partners_named", {"以此界別為夥伴的工作計劃重點", "Focus points naming the sector as a partner"}},
        {"label.cell_people_present", {"出席討論此範疇會議的人士", "People present at meetings on the area"}},
        {"label.cell_programmes_run",
         {"此界別機構在此範疇舉辦的計劃", "Programmes on the area run by the sector's organisations"}},
        {"label.empty_cells", {"空格", "Empty cells"}},
        {"label.loaded", {"已載入", "Loaded"}},
        {"label.refused", {"已拒絕", "Refused"}},
        {"label.panels", {"外掛面板", "Plugin panels"}},
        {"label.plugin", {"外掛", "Plugin"}},
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
        {"label.submit_confirm",
         {"提交後計劃即凍結，不能再修改，直至委員會發還。確定提交？",
          "Once submitted the plan is frozen until the committee returns it. Submit it now?"}},
        {"label.editor_keys",
         {"Ctrl+S 儲存 · Ctrl+Shift+Enter 提交 · Ctrl+↓／Ctrl+↑ 下／上一項重點 · F1 所有快捷鍵",
          "Ctrl+S save · Ctrl+Shift+Enter submit · Ctrl+↓/Ctrl+↑ next/previous focus point · F1 all shortcuts"}},
        {"label.trends_district", {"本區各服務範疇歷年表現", "How the district did, area by area, year by year"}},
        {"label.trends_legend",
         {"柱：成果指標平均達標率（紅線為 100%）；年份下：成效指標達標數目／已匯報數目。",
          "Bars: mean output achievement (red line: 100%); under each year: outcomes met / outcomes reported."}},
        {"label.trends_none", {"此地區未有計劃匯報指標", "No programme in this district has reported yet"}},
        {"label.trends_programme_legend",
         {"每項指標的匯報：成果指標為累計達標率（紅線 100%），成效指標為每次匯報的比率（紅線為目標）。",
          "Each indicator's readings: outputs as the share of target reached so far (red line: 100%), outcomes "
          "as the rate at each reading (red line: the target)."}},
        {"label.readings", {"歷次匯報", "Readings"}},
        {"label.only_other_language", {"只有英文：", "Only in Chinese:"}},
        {"label.add_area", {"計劃尚未包括的服務範疇", "Service areas the plan has no section for"}},
        {"label.add_area_help",
         {"為計劃加入一個已載入外掛的服務範疇：會新增一個空白部分，其面板及檢查結果隨即出現。",
          "Gives the plan a section for a loaded plugin's service area: an empty section, whose panel and "
          "findings then appear."}},
        {"label.add_area_frozen",
         {"計劃已提交委員會，不能加入服務範疇；發還修訂後才可以。",
          "The plan is with the committee; a service area can be added once it is returned."}},
        {"label.add_area_unsaved",
         {"請先儲存你的修改，才加入服務範疇。", "Save your changes before adding a service area."}},
        {"label.add_area_none",
         {"每個已載入的服務範疇在計劃中都已有部分。", "Every loaded service area has a section in the plan."}},
        {"button.save", {"儲存", "Save"}},
        {"button.submit", {"提交委員會", "Submit to the committee"}},
        {"button.add_point", {"新增工作計劃重點", "Add a focus point"}},
        {"button.remove_point", {"刪除此重點", "Remove this focus point"}},
        {"button.add_area", {"加入服務範疇", "Add service area"}},
        {"button.reload", {"重新載入", "Reload"}},
        {"button.other_language", {"English", "中文"}},
        {"button.apply_mine", {"套用合併結果到最新版本", "Apply the merge to the latest version"}},
        {"button.apply_and_save", {"合併並儲存", "Merge and save"}},
        {"button.keep_mine", {"用我的", "Mine"}},
        {"button.keep_theirs", {"用其後的", "Theirs"}},
        {"button.close", {"關閉", "Close"}},
        {"button.cancel", {"取消", "Cancel"}},
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

const char* Strings::operator()(std::string_view key) const { return both(key).in(language_).c_str(); }

const Bilingual& Strings::both(std::string_view key) {
    static const Bilingual missing{"?", "?"};
    const auto& entries = table();
    const auto found =
        std::find_if(entries.begin(), entries.end(), [&](const auto& entry) { return entry.first == key; });
    return found == entries.end() ? missing : found->second;
}

const std::string& Strings::pick(const Bilingual& text) const {
    const std::string& chosen = text.in(language_);
    return chosen.empty() ? (language_ == Language::zh ? text.en : text.zh) : chosen;
}

const std::vector<std::pair<std::string, Bilingual>>& keyboard_shortcuts() {
    static const std::vector<std::pair<std::string, Bilingual>> keys = {
        {"F1", {"顯示／隱藏此說明", "Show or hide this help"}},
        {"Ctrl+1 … Ctrl+8", {"開啟第 1 至 8 個畫面", "Open screen 1 to 8"}},
        {"Ctrl+L", {"切換中文／英文", "Switch between Chinese and English"}},
        {"Tab / Shift+Tab", {"下一個／上一個欄位或按鈕", "Next or previous field or button"}},
        {"Space", {"按下所選按鈕", "Press the chosen button"}},
        {"Enter", {"確認提交（提交對話框）", "Confirm the submission (submit dialog)"}},
        {"Esc", {"關閉對話框", "Close a dialog"}},
        {"Ctrl+S", {"儲存計劃（計劃編輯）", "Save the plan (plan editor)"}},
        {"Ctrl+Shift+Enter", {"提交委員會（計劃編輯，會先確認）", "Submit to the committee (plan editor; asks first)"}},
        {"Ctrl+↓ / Ctrl+↑", {"下一項／上一項工作計劃重點", "Next or previous focus point"}},
    };
    return keys;
}

}  // namespace dplan::gui
