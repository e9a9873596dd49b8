#include "services/paper_import.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <regex>

#include "domain/error.hpp"
#include "plugins/utf8.hpp"

namespace dplan {

namespace {

// Characters PDF extraction uses for bullets: U+F06C (private use), •, ●, ▪, ■, ◆, ・.
constexpr std::string_view bullets[] = {"\xEF\x81\xAC", "•", "●", "▪", "■", "◆", "・"};
// White space that trimming removes besides ASCII: ideographic space and no-break space.
constexpr std::string_view wide_spaces[] = {"\xE3\x80\x80", "\xC2\xA0"};

std::string trim(std::string_view text) {
    bool changed = true;
    while (changed && !text.empty()) {
        changed = false;
        const auto first = text.find_first_not_of(" \t\r");
        text.remove_prefix(std::min(first, text.size()));
        const auto last = text.find_last_not_of(" \t\r");
        text = last == std::string_view::npos ? std::string_view{} : text.substr(0, last + 1);
        for (auto space : wide_spaces) {
            if (text.starts_with(space)) text.remove_prefix(space.size()), changed = true;
            if (text.ends_with(space)) text.remove_suffix(space.size()), changed = true;
        }
    }
    return std::string(text);
}

bool is_ascii_word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

// Rejoins a line broken mid-sentence: Chinese needs no space at the join, English words do.
void append_continuation(std::string& text, const std::string& more) {
    if (!text.empty() && !more.empty() && is_ascii_word_char(text.back()) && is_ascii_word_char(more.front())) {
        text += ' ';
    }
    text += more;
}

std::optional<std::string> after_bullet(const std::string& line) {
    for (auto bullet : bullets) {
        if (line.starts_with(bullet)) return trim(std::string_view(line).substr(bullet.size()));
    }
    return std::nullopt;
}

// "工作目標：..." or "工作目標:" -> the text after the colon.
std::optional<std::string> after_label(const std::string& line, std::string_view label) {
    if (!line.starts_with(label)) return std::nullopt;
    std::string_view rest = std::string_view(line).substr(label.size());
    for (std::string_view colon : {"：", ":"}) {
        if (rest.starts_with(colon)) return trim(rest.substr(colon.size()));
    }
    return rest.empty() ? std::optional<std::string>{""} : std::nullopt;
}

// A focus point ends a list item with "；", "；及" or "及"; as a sentence on its own it ends "。".
std::string as_sentence(std::string text) {
    for (std::string_view tail : {"；及", "; and", "；", ";", "及"}) {
        if (text.ends_with(tail)) {
            text.erase(text.size() - tail.size());
            text = trim(text);
            break;
        }
    }
    if (!text.empty() && !text.ends_with("。") && !text.ends_with(".")) text += "。";
    return text;
}

std::string strip_paragraph_number(const std::string& text) {
    static const std::regex number(R"(^[0-9]+\.\s*)");
    return std::regex_replace(text, number, "");
}

bool is_page_furniture(const std::string& line) {
    static const std::regex page_number(R"(^[-–—\s]*[0-9]+[-–—\s]*$)");
    return std::regex_match(line, page_number);
}

[[noreturn]] void unreadable(std::string_view zh, std::string_view en) {
    throw InvalidInput({std::string(zh), std::string(en)});
}

void check_is_text(std::string_view text) {
    if (trim(text).empty() || text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
        unreadable("檔案是空的", "the file is empty");
    }
    if (const auto nul = text.find('\0'); nul != std::string_view::npos) {
        unreadable(fmt::format("不是文字檔（第 {} 位元組是二進位資料）", nul),
                   fmt::format("not a text file (binary data at byte {})", nul));
    }
    if (!plugins::is_valid_utf8(text)) {
        unreadable("不是 UTF-8 文字檔；請先轉為 UTF-8", "not UTF-8 text; convert the file to UTF-8 first");
    }
}

// Papers name partners in words, not sector codes. These words are common enough in district
// papers to suggest the sector; the planner confirms or corrects them when editing.
struct SectorWord {
    std::string_view word;
    Sector sector;
};
constexpr SectorWord sector_words[] = {
    {"學校", Sector::education},      {"老師", Sector::education},     {"教師", Sector::education},
    {"教育", Sector::education},      {"診所", Sector::health},        {"醫護", Sector::health},
    {"醫院", Sector::health},         {"精神健康", Sector::health},    {"商界", Sector::business},
    {"企業", Sector::business},       {"僱主", Sector::business},      {"屋邨管理處", Sector::district_group},
    {"地區團體", Sector::district_group}, {"互助委員會", Sector::district_group},
    {"長者中心", Sector::ngo},        {"社區中心", Sector::ngo},       {"非政府機構", Sector::ngo},
    {"家長", Sector::resident},       {"居民", Sector::resident},      {"政府", Sector::government},
};

std::vector<Sector> sectors_named_in(const std::string& text) {
    std::vector<Sector> found;
    for (const auto& [word, sector] : sector_words) {
        if (text.find(word) != std::string::npos && std::find(found.begin(), found.end(), sector) == found.end()) {
            found.push_back(sector);
        }
    }
    std::sort(found.begin(), found.end());
    return found;
}

enum class Part { preamble, purpose, plan_intro, area_heading, objective, focus_points, advice, closing };

}  // namespace

PaperImport import_paper_text(std::string_view text, const std::vector<AreaHeadings>& areas) {
    check_is_text(text);
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);

    static const std::regex paper_no(R"(第\s*([0-9]+/[0-9]{2}-[0-9]{2})\s*號文件)");
    static const std::regex year(R"(([0-9]{4})\s*-\s*([0-9]{2})\s*年度)");
    static const std::regex council(R"((\S+區)議會)");
    static const std::regex issued(R"(^[0-9]{4}\s*年\s*[0-9]{1,2}\s*月$)");

    PaperImport result;
    Plan& plan = result.plan;
    Part part = Part::preamble;
    PlanSection* section = nullptr;
    int number = 0;
    std::size_t start = 0;
    while (start <= text.size()) {
        auto end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        const std::string line = trim(text.substr(start, end - start));
        start = end + 1;
        ++number;
        if (line.empty() || is_page_furniture(line)) continue;

        std::smatch match;
        if (plan.paper_no.empty() && std::regex_search(line, match, paper_no)) {
            plan.paper_no = match[1];
            result.recognised.push_back("paper number " + plan.paper_no);
            continue;
        }
        if (result.district_name.empty() && std::regex_search(line, match, council)) {
            result.district_name = match[1];
            result.recognised.push_back("district " + result.district_name);
            continue;
        }
        if (part != Part::advice && plan.financial_year.empty() && std::regex_search(line, match, year)) {
            plan.financial_year = match[1].str() + "-" + match[2].str();
            result.recognised.push_back("financial year " + plan.financial_year);
            if (part == Part::purpose) append_continuation(plan.purpose.zh, line);
            continue;
        }
        if (auto theme = after_label(line, "主題")) {
            plan.theme.zh = *theme;
            result.recognised.push_back("theme");
            continue;
        }
        if (line == "目的") {
            part = Part::purpose;
            result.recognised.push_back("purpose");
            continue;
        }
        if (line == "諮詢意見") {
            part = Part::advice;
            section = nullptr;
            result.recognised.push_back("advice sought");
            continue;
        }
        if (line.ends_with("年度福利工作計劃") && part == Part::purpose) {
            part = Part::plan_intro;
            continue;
        }
        const AreaHeadings* heading = nullptr;
        for (const auto& area : areas) {
            for (const auto& synonym : area.synonyms) {
                if (line == synonym) heading = &area;
            }
        }
        if (heading != nullptr) {
            if (plan.section(heading->area_id) != nullptr) {
                throw InvalidInput({fmt::format("第 {} 行：服務範疇「{}」出現兩次", number, line),
                                    fmt::format("line {}: service area '{}' appears twice", number, line)});
            }
            section = &plan.sections.emplace_back(PlanSection{0, heading->area_id, {}, {}});
            part = Part::area_heading;
            result.recognised.push_back(fmt::format("area {} (line {})", heading->area_id, number));
            continue;
        }
        if (section != nullptr) {
            if (auto objective = after_label(line, "工作目標")) {
                section->objective.zh = *objective;
                part = Part::objective;
                continue;
            }
            if (after_label(line, "工作計劃重點")) {
                part = Part::focus_points;
                continue;
            }
            if (part == Part::focus_points) {
                if (auto point = after_bullet(line)) {
                    section->focus_points.push_back({0, {*point, ""}, {}});
                } else if (!section->focus_points.empty()) {
                    append_continuation(section->focus_points.back().text.zh, line);
                } else {
                    result.unplaced.push_back({number, line});
                }
                continue;
            }
            if (part == Part::objective) {
                append_continuation(section->objective.zh, line);
                continue;
            }
        }
        if (part == Part::advice || part == Part::closing) {
            if (line.starts_with("社會福利署") || line.ends_with("福利辦事處") || std::regex_match(line, issued)) {
                part = Part::closing;  // the office and date that sign the paper
                continue;
            }
            if (part == Part::advice) {
                append_continuation(plan.advice_sought.zh, strip_paragraph_number(line));
                continue;
            }
        }
        if (part == Part::purpose) {
            append_continuation(plan.purpose.zh, strip_paragraph_number(line));
            continue;
        }
        if (part == Part::plan_intro) continue;  // "2. ...訂立本年度工作計劃如下：" introduces the areas
        if (part == Part::preamble && (line.ends_with("委員會") || line.ends_with("福利辦事處"))) {
            result.recognised.push_back(line);  // committee and office in the letterhead
            continue;
        }
        result.unplaced.push_back({number, line});
    }

    if (plan.sections.empty()) {
        std::string known;
        for (const auto& area : areas) {
            if (!area.synonyms.empty()) known += (known.empty() ? "" : "、") + area.synonyms.front();
        }
        throw InvalidInput({fmt::format("找不到任何服務範疇標題（例如：{}）；未有建立計劃", known),
                            fmt::format("no service-area heading was recognised (expected headings such as "
                                        "{}); no plan was created",
                                        known)});
    }
    if (plan.financial_year.empty()) {
        throw InvalidInput({"找不到財政年度（例如「2024-25 年度」）；請以 --year 指定",
                            "no financial year found (such as '2024-25 年度'); give it with --year"});
    }
    int inferred = 0;
    for (auto& area_section : plan.sections) {
        for (auto& point : area_section.focus_points) {
            point.text.zh = as_sentence(point.text.zh);
            point.partners = sectors_named_in(point.text.zh);
            inferred += point.partners.empty() ? 0 : 1;
        }
    }
    result.recognised.push_back(fmt::format("partner sectors suggested by wording for {} focus points", inferred));
    return result;
}

}  // namespace dplan
