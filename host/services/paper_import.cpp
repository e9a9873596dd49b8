#include "services/paper_import.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <tuple>

#include "domain/error.hpp"
#include "domain/section_texts.hpp"
#include "dplan/sdk/paper_labels.hpp"
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
        const auto first = text.find_first_not_of(" \t\r\f\v");
        text.remove_prefix(std::min(first, text.size()));
        const auto last = text.find_last_not_of(" \t\r\f\v");
        text = last == std::string_view::npos ? std::string_view{} : text.substr(0, last + 1);
        for (auto space : wide_spaces) {
            if (text.starts_with(space)) text.remove_prefix(space.size()), changed = true;
            if (text.ends_with(space)) text.remove_suffix(space.size()), changed = true;
        }
    }
    return std::string(text);
}

bool is_ascii_word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

// Rejoins a line broken mid-sentence. English lines break at spaces, so they rejoin with one;
// Chinese needs none, except between two Latin words inside Chinese text.
void append_continuation(std::string& text, const std::string& more, Language language = Language::zh) {
    const bool english_break = language == Language::en && !text.empty() && !text.ends_with('-');
    if (!text.empty() && !more.empty() &&
        (english_break || (is_ascii_word_char(text.back()) && is_ascii_word_char(more.front())))) {
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
std::string as_sentence(std::string text, Language language) {
    for (std::string_view tail : {"；及", "; and", "；", ";", "及"}) {
        if (text.ends_with(tail)) {
            text.erase(text.size() - tail.size());
            text = trim(text);
            break;
        }
    }
    if (!text.empty() && !text.ends_with("。") && !text.ends_with(".")) text += language == Language::zh ? "。" : ".";
    return text;
}

// The patterns below are plain scans, each linear in the line: std::regex recursed once per
// character (a 40 KB line of digits overflowed the stack) and retried from every position.

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'; }

// The reading position in a line, with the small steps the patterns are made of.
struct Scan {
    std::string_view text;
    std::size_t at = 0;

    bool done() const { return at == text.size(); }
    void skip_spaces() {
        while (!done() && is_space(text[at])) ++at;
    }
    bool take(std::string_view word) {
        if (!text.substr(at).starts_with(word)) return false;
        at += word.size();
        return true;
    }
    // Between `least` and `most` digits; the digits taken, or empty when fewer than `least`.
    std::string_view digits(std::size_t least, std::size_t most = std::string_view::npos) {
        const std::size_t from = at;
        while (!done() && is_digit(text[at]) && at - from < most) ++at;
        if (at - from < least) {
            at = from;
            return {};
        }
        return text.substr(from, at - from);
    }
};

// "1. " at the start of a paragraph.
std::string strip_paragraph_number(const std::string& text) {
    Scan scan{text};
    if (scan.digits(1).empty() || !scan.take(".")) return text;
    scan.skip_spaces();
    return text.substr(scan.at);
}

// A page number alone on its line, perhaps between dashes: "3", "- 3 -", "—12—".
bool is_page_furniture(const std::string& line) {
    Scan scan{line};
    auto skip_dashes = [&] {
        while (scan.take("-") || scan.take("–") || scan.take("—") ||
               (!scan.done() && is_space(line[scan.at]) && ++scan.at)) {
        }
    };
    skip_dashes();
    if (scan.digits(1).empty()) return false;
    skip_dashes();
    return scan.done();
}

// "第 3/24-25 號文件" or "Paper No. 3/24-25" anywhere in the line -> "3/24-25".
std::optional<std::string> paper_number_in(std::string_view line) {
    for (std::size_t at = 0; at < line.size(); ++at) {
        Scan scan{line, at};
        if (!scan.take("第") && !scan.take("Paper No.")) continue;
        scan.skip_spaces();
        const std::size_t from = scan.at;
        if (scan.digits(1).empty() || !scan.take("/") || scan.digits(2, 2).empty() || !scan.take("-") ||
            scan.digits(2, 2).empty()) {
            continue;
        }
        return std::string(line.substr(from, scan.at - from));
    }
    return std::nullopt;
}

// "2024-25 年度" anywhere in the line, or a line ending "Plan 2024-25" -> "2024-25".
std::optional<std::string> financial_year_in(std::string_view line) {
    for (std::size_t at = 0; at < line.size(); ++at) {
        Scan scan{line, at};
        if (const auto first = scan.digits(4, 4); !first.empty()) {
            scan.skip_spaces();
            if (!scan.take("-")) continue;
            scan.skip_spaces();
            const auto second = scan.digits(2, 2);
            if (second.empty()) continue;
            scan.skip_spaces();
            if (scan.take("年度")) return std::string(first) + "-" + std::string(second);
        } else if (scan.take("Plan") && !scan.done() && is_space(line[scan.at])) {
            scan.skip_spaces();
            const auto first = scan.digits(4, 4);
            if (first.empty() || !scan.take("-")) continue;
            const auto second = scan.digits(2, 2);
            if (!second.empty() && scan.done()) return std::string(first) + "-" + std::string(second);
        }
    }
    return std::nullopt;
}

// The district a letterhead names: "河畔區議會" (the word before 議會, ending 區, from the start of
// its run of non-spaces) or "Riverside District Council" (the whole line before it).
std::optional<std::string> council_district_in(std::string_view line) {
    std::optional<std::string> chinese;
    std::size_t chinese_from = std::string_view::npos;
    for (std::size_t found = line.find("區議會"); found != std::string_view::npos && !chinese;
         found = line.find("區議會", found + 1)) {
        std::size_t from = found;
        while (from > 0 && !is_space(line[from - 1])) --from;
        std::size_t to = found;
        while (to < line.size() && !is_space(line[to])) ++to;
        const std::string_view word = line.substr(from, to - from);
        const std::size_t last = word.rfind("區議會");  // the longest name the word holds
        if (last > 0) {
            chinese = std::string(word.substr(0, last + std::string_view("區").size()));
            chinese_from = from;
        }
        found = to;  // the next word
    }
    constexpr std::string_view english = " District Council";
    if (chinese && chinese_from == 0) return chinese;
    if (line.size() > english.size() && line.ends_with(english)) {
        const auto name = line.substr(0, line.size() - english.size());
        if (name.find_first_of("\r\n") == std::string_view::npos) return std::string(name);
    }
    return chinese;
}

// The date that signs a paper, alone on its line: "2024 年 5 月" or "May 2024".
bool is_issue_date(std::string_view line) {
    Scan scan{line};
    if (!scan.digits(4, 4).empty()) {
        scan.skip_spaces();
        if (!scan.take("年")) return false;
        scan.skip_spaces();
        if (scan.digits(1, 2).empty()) return false;
        scan.skip_spaces();
        return scan.take("月") && scan.done();
    }
    if (scan.done() || line[0] < 'A' || line[0] > 'Z') return false;
    ++scan.at;
    const std::size_t from = scan.at;
    while (!scan.done() && line[scan.at] >= 'a' && line[scan.at] <= 'z') ++scan.at;
    return scan.at > from && scan.take(" ") && !scan.digits(4, 4).empty() && scan.done();
}

[[noreturn]] void unreadable(std::string_view zh, std::string_view en) {
    throw InvalidInput({std::string(zh), std::string(en)});
}

void check_is_text(std::string_view text) {
    if (text.size() > paper_largest_text) {
        unreadable(
            fmt::format("文字超過 {} 位元組（委員會文件的上限）", paper_largest_text),
            fmt::format("the text is larger than {} bytes, the limit for a committee paper", paper_largest_text));
    }
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
    {"學校", Sector::education},
    {"老師", Sector::education},
    {"教師", Sector::education},
    {"教育界", Sector::education},
    {"診所", Sector::health},
    {"醫護", Sector::health},
    {"醫院", Sector::health},
    {"精神健康", Sector::health},
    {"商界", Sector::business},
    {"企業", Sector::business},
    {"僱主", Sector::business},
    {"屋邨管理處", Sector::district_group},
    {"地區團體", Sector::district_group},
    {"互助委員會", Sector::district_group},
    {"長者中心", Sector::ngo},
    {"社區中心", Sector::ngo},
    {"非政府機構", Sector::ngo},
    {"家長", Sector::resident},
    {"居民", Sector::resident},
    {"政府", Sector::government},
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

// "…。（合作界別：醫護界、教育界）" or "… (Partners: Health, Education)", as District Planner prints
// focus points (sdk/paper_labels.hpp): takes the partners off the end of the text. nullopt when the
// text has none.
std::optional<std::vector<Sector>> take_printed_partners(std::string& text, const sdk::paper::PartnerList& printed) {
    const std::string open = trim(printed.open);
    const std::string separator = trim(printed.separator);
    const std::string_view closing = printed.close;
    const auto at = text.rfind(open);
    if (at == std::string::npos || !std::string_view(text).ends_with(closing)) return std::nullopt;
    const std::string list = text.substr(at + open.size(), text.size() - at - open.size() - closing.size());
    std::vector<Sector> sectors;
    std::size_t from = 0;
    while (from <= list.size()) {
        auto to = list.find(separator, from);
        if (to == std::string::npos) to = list.size();
        const std::string name = trim(std::string_view(list).substr(from, to - from));
        const auto known = std::find_if(all_sectors.begin(), all_sectors.end(), [&](Sector sector) {
            return sector_name(sector).zh == name || sector_name(sector).en == name;
        });
        if (known == all_sectors.end()) return std::nullopt;  // not our list: leave the text alone
        sectors.push_back(*known);
        from = to + separator.size();
    }
    text = trim(std::string_view(text).substr(0, at));
    std::sort(sectors.begin(), sectors.end());
    return sectors;
}

enum class Part { preamble, purpose, plan_intro, area_heading, section_text, focus_points, advice, closing };

// Reads a paper line by line. Each kind of line has its handler; `read` asks them in order and the
// first that recognises the line takes it. What none takes is listed as unplaced, never dropped.
class PaperReader {
  public:
    explicit PaperReader(const std::vector<AreaHeadings>& areas) : areas_(areas) {}

    void read(const std::string& line, int number) {
        number_ = number;
        // A wrapped purpose or advice line may end with "District Council": only a letterhead
        // outside them starts the English version.
        in_prose_ = part_ == Part::purpose || part_ == Part::advice;
        if (!in_prose_ && (line.starts_with("Paper No.") || line.ends_with(" District Council"))) {
            language_ = Language::en;
            part_ = Part::preamble;
            section_ = nullptr;
        }
        using Handler = bool (PaperReader::*)(const std::string&);
        for (Handler handler :
             {&PaperReader::paper_number, &PaperReader::council, &PaperReader::financial_year, &PaperReader::theme,
              &PaperReader::purpose_heading, &PaperReader::advice_heading, &PaperReader::plan_heading,
              &PaperReader::area_heading, &PaperReader::section_line, &PaperReader::signature_or_advice,
              &PaperReader::purpose_text, &PaperReader::letterhead}) {
            if ((this->*handler)(line)) return;
        }
        result_.unplaced.push_back({number, line});
    }

    PaperImport finish();

  private:
    std::string& side(Bilingual& text) const { return language_ == Language::zh ? text.zh : text.en; }
    Plan& plan() { return result_.plan; }
    void recognised(Bilingual zh_version, Bilingual en_version) {
        result_.recognised.push_back(language_ == Language::zh ? std::move(zh_version) : std::move(en_version));
    }

    bool paper_number(const std::string& line) {
        const auto found = paper_number_in(line);
        if (!found) return false;
        if (plan().paper_no.empty()) result_.recognised.push_back({"文件編號 " + *found, "paper number " + *found});
        plan().paper_no = *found;
        return true;
    }

    bool council(const std::string& line) {
        const auto district = in_prose_ ? std::nullopt : council_district_in(line);
        if (!district) return false;
        if (result_.district_name.empty()) {
            result_.district_name = *district;
            result_.recognised.push_back({"地區 " + *district, "district " + *district});
        }
        // The council as the letterhead names it: "荃灣區議會", or the whole English line.
        if (side(plan().council).empty()) {
            side(plan().council) = line.ends_with(" District Council") ? line : *district + "議會";
        }
        return true;
    }

    bool financial_year(const std::string& line) {
        const bool may_name_year = part_ == Part::preamble || part_ == Part::plan_intro;
        const auto found = may_name_year ? financial_year_in(line) : std::nullopt;
        if (!found) return false;
        if (plan().financial_year.empty()) {
            plan().financial_year = *found;
            result_.recognised.push_back({"財政年度 " + *found, "financial year " + *found});
        }
        return true;
    }

    bool theme(const std::string& line) {
        const auto found = after_label(line, language_ == Language::zh ? "主題" : "Theme");
        if (!found) return false;
        side(plan().theme) = *found;
        recognised({"主題", "theme"}, {"主題（英文）", "theme (English)"});
        return true;
    }

    bool purpose_heading(const std::string& line) {
        if (line != "目的" && line != "Purpose") return false;
        language_ = line == "目的" ? Language::zh : Language::en;
        part_ = Part::purpose;
        recognised({"目的", "purpose"}, {"目的（英文）", "purpose (English)"});
        return true;
    }

    bool advice_heading(const std::string& line) {
        if (line != "諮詢意見" && line != "Advice sought") return false;
        part_ = Part::advice;
        section_ = nullptr;
        recognised({"諮詢意見", "advice sought"}, {"諮詢意見（英文）", "advice sought (English)"});
        return true;
    }

    // "2024-25 年度福利工作計劃" after the purpose introduces the areas.
    bool plan_heading(const std::string& line) {
        if (part_ != Part::purpose ||
            !(line.ends_with("年度福利工作計劃") || line.starts_with("District Welfare Plan"))) {
            return false;
        }
        part_ = Part::plan_intro;
        return true;
    }

    bool area_heading(const std::string& line) {
        const AreaHeadings* heading = nullptr;
        for (const auto& area : areas_) {
            if (std::find(area.synonyms.begin(), area.synonyms.end(), line) != area.synonyms.end()) heading = &area;
        }
        if (heading == nullptr) return false;
        PlanSection* existing = nullptr;
        for (auto& candidate : plan().sections) {
            if (candidate.area_id == heading->area_id) existing = &candidate;
        }
        if (existing != nullptr && language_ == Language::zh) {
            throw InvalidInput({fmt::format("第 {} 行：服務範疇「{}」出現兩次", number_, line),
                                fmt::format("line {}: service area '{}' appears twice", number_, line)});
        }
        section_ =
            existing != nullptr ? existing : &plan().sections.emplace_back(PlanSection{0, heading->area_id, {}, {}});
        point_index_ = 0;
        point_ = nullptr;
        part_ = Part::area_heading;
        result_.recognised.push_back({fmt::format("服務範疇 {}（第 {} 行）", heading->area_id, number_),
                                      fmt::format("area {} (line {})", heading->area_id, number_)});
        return true;
    }

    // Inside a section: its texts (objective, ...), the focus points label, the focus points and
    // their wrapped lines.
    bool section_line(const std::string& line) {
        if (section_ == nullptr) return false;
        const auto language = language_ == Language::zh ? DPLAN_LANGUAGE_ZH : DPLAN_LANGUAGE_EN;
        for (const auto& text : section_texts) {
            if (auto found = after_label(line, text.label.in(language_))) {
                text_ = text.member;
                side(section_->*text_) = *found;
                part_ = Part::section_text;
                return true;
            }
        }
        if (after_label(line, sdk::paper::focus_points.in(language))) {
            part_ = Part::focus_points;
            return true;
        }
        if (part_ == Part::section_text) {
            append_continuation(side(section_->*text_), line, language_);
            return true;
        }
        if (part_ != Part::focus_points) return false;
        if (auto bullet = after_bullet(line)) {
            if (language_ == Language::en && point_index_ < section_->focus_points.size()) {
                point_ = &section_->focus_points[point_index_];
            } else {
                point_ = &section_->focus_points.emplace_back();
            }
            ++point_index_;
            side(point_->text) = *bullet;
        } else if (point_ != nullptr) {
            append_continuation(side(point_->text), line, language_);
        } else {
            result_.unplaced.push_back({number_, line});
        }
        return true;
    }

    // The office and date that sign the paper, or the advice sought before them.
    bool signature_or_advice(const std::string& line) {
        if (part_ != Part::advice && part_ != Part::closing) return false;
        if (line.starts_with("社會福利署") || line.ends_with("福利辦事處") || line == "Social Welfare Department" ||
            line.ends_with("Social Welfare Office") || is_issue_date(line)) {
            part_ = Part::closing;
            return true;
        }
        if (part_ != Part::advice) return false;
        append_continuation(side(plan().advice_sought), strip_paragraph_number(line), language_);
        return true;
    }

    bool purpose_text(const std::string& line) {
        if (part_ == Part::purpose) {
            append_continuation(side(plan().purpose), strip_paragraph_number(line), language_);
            return true;
        }
        return part_ == Part::plan_intro;  // "2. ...訂立本年度工作計劃如下：" introduces the areas
    }

    // The committee and office in the letterhead.
    bool letterhead(const std::string& line) {
        const bool committee = line.ends_with("委員會") || line.ends_with("Committee");
        const bool office = line.ends_with("福利辦事處") || line.ends_with("Social Welfare Office");
        if (part_ != Part::preamble || !(committee || office)) return false;
        result_.recognised.push_back({line, line});
        auto& field = committee ? plan().committee : plan().office;
        if (side(field).empty()) side(field) = line;
        return true;
    }

    const std::vector<AreaHeadings>& areas_;
    PaperImport result_;
    Part part_ = Part::preamble;
    // A bilingual paper is the Chinese version followed by the English one; the English version
    // fills the `en` side of what the Chinese version created, matched by area and order.
    Language language_ = Language::zh;
    bool in_prose_ = false;
    PlanSection* section_ = nullptr;
    Bilingual PlanSection::*text_ = &PlanSection::objective;  // the section text being read
    std::size_t point_index_ = 0;  // the next focus point of `section_` in the English version
    FocusPoint* point_ = nullptr;
    int number_ = 0;
};

PaperImport PaperReader::finish() {
    if (areas_.empty()) {
        throw InvalidInput({"沒有載入任何服務範疇外掛，無法辨識各部分；請用 dplan plugins list 查看原因",
                            "no service-area plugin is loaded, so no section can be recognised; see 'dplan plugins "
                            "list' for why"});
    }
    if (plan().sections.empty()) {
        std::string known;
        for (const auto& area : areas_) {
            if (!area.synonyms.empty()) known += (known.empty() ? "" : "、") + area.synonyms.front();
        }
        throw InvalidInput({fmt::format("找不到任何服務範疇標題（例如：{}）；未有建立計劃", known),
                            fmt::format("no service-area heading was recognised (expected headings such as "
                                        "{}); no plan was created",
                                        known)});
    }
    if (plan().financial_year.empty()) {
        throw InvalidInput({"找不到財政年度（例如「2024-25 年度」）；請以 --year 指定",
                            "no financial year found (such as '2024-25 年度'); give it with --year"});
    }
    int inferred = 0;
    for (auto& area_section : plan().sections) {
        for (auto& point : area_section.focus_points) {
            const auto printed_zh = take_printed_partners(point.text.zh, sdk::paper::partners_zh);
            const auto printed_en = take_printed_partners(point.text.en, sdk::paper::partners_en);
            if (!point.text.zh.empty()) point.text.zh = as_sentence(point.text.zh, Language::zh);
            if (!point.text.en.empty()) point.text.en = as_sentence(point.text.en, Language::en);
            if (printed_zh || printed_en) {
                point.partners = printed_zh ? *printed_zh : *printed_en;
            } else {
                point.partners = sectors_named_in(point.text.zh + point.text.en);
                inferred += point.partners.empty() ? 0 : 1;
            }
        }
    }
    result_.recognised.push_back({fmt::format("按字眼建議了 {} 項工作計劃重點的合作界別", inferred),
                                  fmt::format("partner sectors suggested by wording for {} focus points", inferred)});
    return std::move(result_);
}

}  // namespace

PaperImport import_paper_text(std::string_view text, const std::vector<AreaHeadings>& areas) {
    check_is_text(text);
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    PaperReader reader(areas);
    int number = 0;
    for (std::size_t start = 0; start <= text.size();) {
        auto end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        ++number;
        if (end - start > paper_longest_line) {
            unreadable(
                fmt::format("第 {} 行超過 {} 位元組（每行上限）；這不像是委員會文件", number, paper_longest_line),
                fmt::format("line {} is longer than {} bytes, the limit for one line; this does not look like a "
                            "committee paper",
                            number, paper_longest_line));
        }
        const std::string line = trim(text.substr(start, end - start));
        start = end + 1;
        if (!line.empty() && !is_page_furniture(line)) reader.read(line, number);
    }
    return reader.finish();
}

}  // namespace dplan
