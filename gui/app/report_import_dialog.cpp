#include "report_import_dialog.hpp"

#include <fmt/format.h>
#include <imgui_stdlib.h>

#include <memory>
#include <mutex>

#include "services/report_import_summary.hpp"

namespace dplan::gui {

namespace {

// What the worker's last preview or import found. The job writes it on the worker's thread, the
// frame reads it on the UI thread.
struct Outcome {
    std::mutex mutex;
    Bilingual summary;
    bool written = false;
};

struct Dialog {
    std::string path;
    bool new_programme = false;
    bool update_definitions = false;
    std::shared_ptr<Outcome> outcome = std::make_shared<Outcome>();
};

Dialog& dialog() {
    static Dialog state;
    return state;
}

// Runs the import (or its dry run) on the worker; its summary replaces the one shown.
void run(UiState& ui, bool dry_run) {
    Dialog& state = dialog();
    ReportImportOptions options;
    options.new_programme = state.new_programme;
    options.update_definitions = state.update_definitions;
    options.dry_run = dry_run;
    const std::string path = state.path;
    auto outcome = std::make_shared<Outcome>();
    state.outcome = outcome;
    const Bilingual what = dry_run ? Bilingual{"預覽計劃報告", "Previewing the report"}
                                   : Bilingual{"匯入計劃報告", "Importing the report"};
    ui.worker.run(what, [path, options, outcome](DashboardClient& client, const Progress&) {
        const ReportImportResult result = client.import_report(path, options);
        const std::lock_guard lock(outcome->mutex);
        outcome->summary = {report_import_summary(result, Language::zh), report_import_summary(result, Language::en)};
        outcome->written = result.written;
    });
}

}  // namespace

// The dialog's own words, Chinese, for the font atlas (the summary's are added as they arrive).
constexpr const char* dialog_words =
    "匯入計劃報告…（PDF 或文字檔）：先預覽辨認到的指標、推算的目標及未能理解的行，確認後才寫入。"
    "按報告開首建立新計劃以更新已儲存的描述及目標尚未預覽。關閉";

std::string report_import_text() {
    const auto outcome = dialog().outcome;
    const std::lock_guard lock(outcome->mutex);
    return dialog_words + outcome->summary.zh;
}

void draw_report_import(UiState& ui) {
    Dialog& state = dialog();
    const std::string title =
        fmt::format("{}###report_import", ui.tr.pick({"匯入計劃報告", "Import a programme report"}));
    if (ImGui::Button(ui.tr.pick({"匯入計劃報告…", "Import report…"}).c_str())) {
        state.outcome = std::make_shared<Outcome>();
        ImGui::OpenPopup(title.c_str());
    }
    const ImVec2 size = ImGui::GetMainViewport()->Size;
    ImGui::SetNextWindowSize(ImVec2(size.x * 0.8f, size.y * 0.8f), ImGuiCond_Appearing);
    ImGui::SetNextWindowPos(ImVec2(size.x * 0.1f, size.y * 0.1f), ImGuiCond_Appearing);
    if (!ImGui::BeginPopupModal(title.c_str(), nullptr)) return;
    ImGui::TextWrapped(
        "%s", ui.tr
                  .pick({"計劃報告（PDF 或文字檔）：先預覽辨認到的指標、推算的目標及未能理解的行，確認後才寫入。",
                         "A programme report (PDF or text): preview the indicators recognised, the "
                         "targets inferred and the lines left out; nothing is written until you "
                         "import."})
                  .c_str());
    ImGui::SetNextItemWidth(-1);
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    bool changed = ImGui::InputTextWithHint("##report_path", "report.pdf", &state.path);
    changed |= ImGui::Checkbox(ui.tr.pick({"按報告開首建立新計劃", "Create the programme the report names"}).c_str(),
                               &state.new_programme);
    ImGui::SameLine();
    changed |=
        ImGui::Checkbox(ui.tr.pick({"以報告更新已儲存的描述及目標", "Update stored descriptions and targets"}).c_str(),
                        &state.update_definitions);

    // Another file or other choices: the preview shown no longer says what Import would write.
    if (changed) state.outcome = std::make_shared<Outcome>();
    Bilingual summary;
    bool written = false;
    {
        const std::lock_guard lock(state.outcome->mutex);
        summary = state.outcome->summary;
        written = state.outcome->written;
    }
    const bool busy = ui.worker.status().busy;
    const float buttons = ImGui::GetFrameHeightWithSpacing() * 1.5f;
    ImGui::BeginChild("##report_summary", ImVec2(0, ImGui::GetContentRegionAvail().y - buttons), true,
                      ImGuiWindowFlags_HorizontalScrollbar);
    if (summary.empty()) {
        ImGui::TextDisabled("%s", ui.tr.pick({"尚未預覽。", "Not previewed yet."}).c_str());
    } else {
        ImGui::TextUnformatted(ui.tr.pick(summary).c_str());
    }
    ImGui::EndChild();

    ImGui::BeginDisabled(busy || state.path.empty());
    if (ImGui::Button(ui.tr.pick({"預覽", "Preview"}).c_str())) run(ui, true);
    ImGui::SameLine();
    // Writing follows a preview of the same choices: what the user saw is what is written.
    ImGui::BeginDisabled(summary.empty() || written);
    if (ImGui::Button(ui.tr.pick({"匯入", "Import"}).c_str())) run(ui, false);
    ImGui::EndDisabled();
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button(ui.tr.pick({"關閉", "Close"}).c_str())) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

}  // namespace dplan::gui
