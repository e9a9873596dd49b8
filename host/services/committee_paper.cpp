#include "services/committee_paper.hpp"

#include <fmt/format.h>

#include <sstream>

#include "domain/section_texts.hpp"
#include "dplan/sdk/plugin.hpp"
#include "plugins/section_view.hpp"

namespace dplan {

namespace {

constexpr const char* month_names[] = {"January", "February", "March",     "April",   "May",      "June",
                                       "July",    "August",   "September", "October", "November", "December"};

// "2024-05-02T..." -> "2024 年 5 月" / "May 2024".
std::string paper_date(const std::string& timestamp, Language language) {
    const int year = std::stoi(timestamp.substr(0, 4));
    const int month = std::stoi(timestamp.substr(5, 2));
    return language == Language::zh ? fmt::format("{} 年 {} 月", year, month)
                                    : fmt::format("{} {}", month_names[month - 1], year);
}

// The section as the host writes it when no plugin does (or its plugin failed): the SDK's standard
// report, so a section reads the same whoever wrote it.
std::string host_section_text(const PlanSection& section, Language language) {
    const plugins::SectionView view(section, 0);
    std::string text;
    sdk::standard_report(sdk::Section(*view.get()), language == Language::zh ? DPLAN_LANGUAGE_ZH : DPLAN_LANGUAGE_EN,
                         text);
    return text;
}

void add_section_text(std::vector<PaperBlock>& blocks, const std::string& text) {
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);) {
        if (line.empty()) continue;
        if (line.starts_with(sdk::paper::bullet)) {
            blocks.push_back({BlockKind::bullet, line.substr(sdk::paper::bullet.size())});
        } else {
            blocks.push_back({BlockKind::paragraph, line});
        }
    }
}

// One line of the letterhead: the plan's own, else (a plan stored before plans kept their letterhead)
// its district's default, else the form every district's name takes. A side left empty reads as the
// other language's, rather than as another committee's name.
std::string letterhead(const Bilingual& plan, const Bilingual& district, const std::string& derived,
                       Language language) {
    const Bilingual& chosen = !plan.empty() ? plan : district;
    if (chosen.empty()) return derived;
    const std::string& text = chosen.in(language);
    return !text.empty() ? text : chosen.in(language == Language::zh ? Language::en : Language::zh);
}

std::string without_prefix(const std::string& text, std::string_view prefix) {
    return text.starts_with(prefix) ? text.substr(prefix.size()) : text;
}

void add_version(std::vector<PaperBlock>& blocks, const Plan& plan, const District& district,
                 const plugins::PluginRegistry& plugins, Language language) {
    const bool zh = language == Language::zh;
    const std::string& district_name = district.name.in(language);
    if (!plan.paper_no.empty()) {
        blocks.push_back({BlockKind::paper_number, zh ? fmt::format("社會第 {}號文件", plan.paper_no)
                                                      : fmt::format("Paper No. {}", plan.paper_no)});
    }
    const std::string office =
        letterhead(plan.office, district.office,
                   zh ? fmt::format("社會福利署{}福利辦事處", district_name)
                      : fmt::format("Social Welfare Department, {} District Social Welfare Office", district_name),
                   language);
    blocks.push_back({BlockKind::letterhead,
                      letterhead(plan.council, district.council,
                                 zh ? district_name + "議會" : district_name + " District Council", language)});
    blocks.push_back({BlockKind::letterhead,
                      letterhead(plan.committee, district.committee,
                                 zh ? "社區服務及福利委員會" : "Community Services and Welfare Committee", language)});
    blocks.push_back({BlockKind::letterhead, office});
    const std::string plan_title = zh ? fmt::format("{} 年度福利工作計劃", plan.financial_year)
                                      : fmt::format("District Welfare Plan {}", plan.financial_year);
    blocks.push_back({BlockKind::title, plan_title});
    if (!plan.theme.in(language).empty()) {
        blocks.push_back({BlockKind::title, (zh ? "主題：" : "Theme: ") + plan.theme.in(language)});
    }
    if (!plan.purpose.in(language).empty()) {
        blocks.push_back({BlockKind::heading, zh ? "目的" : "Purpose"});
        blocks.push_back({BlockKind::paragraph, plan.purpose.in(language)});
    }
    blocks.push_back({BlockKind::heading, plan_title});
    for (const auto& section : plan.sections) {
        const auto* plugin = plugins.find_area(section.area_id);
        blocks.push_back({BlockKind::heading, plugin != nullptr ? plugin->area()->name.in(language) : section.area_id});
        // The host's own texts of the section come first, with the labels the paper import reads back;
        // then the plugin's text (objective and focus points).
        for (const auto& section_text : section_texts) {
            const std::string& value = (section.*section_text.member).in(language);
            if (section_text.builtin || value.empty()) continue;
            blocks.push_back({BlockKind::paragraph,
                              section_text.label.in(language) +
                                  std::string(sdk::paper::label_colon.in(zh ? DPLAN_LANGUAGE_ZH : DPLAN_LANGUAGE_EN)) +
                                  value});
        }
        std::string text;
        if (plugin != nullptr && plugin->can_report()) {
            try {
                text = plugin->report(section, language);
            } catch (const plugins::PluginFailure&) {
                text.clear();  // the host writes the section itself; the failure is in the log
            }
        }
        add_section_text(blocks, text.empty() ? host_section_text(section, language) : text);
    }
    if (!plan.advice_sought.in(language).empty()) {
        blocks.push_back({BlockKind::heading, zh ? "諮詢意見" : "Advice sought"});
        blocks.push_back({BlockKind::paragraph, plan.advice_sought.in(language)});
    }
    blocks.push_back({BlockKind::signature, zh ? "社會福利署" : "Social Welfare Department"});
    // The department signs on the line above, so the office's line leaves it out.
    blocks.push_back(
        {BlockKind::signature, without_prefix(without_prefix(office, "社會福利署"), "Social Welfare Department, ")});
    blocks.push_back({BlockKind::signature, paper_date(plan.updated_at, language)});
}

std::string html_escape(const std::string& text) {
    std::string out;
    for (char c : text) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            default:
                out += c;
        }
    }
    return out;
}

}  // namespace

std::vector<PaperBlock> committee_paper(const Plan& plan, const District& district,
                                        const plugins::PluginRegistry& plugins, PaperLanguage language) {
    std::vector<PaperBlock> blocks;
    if (language != PaperLanguage::en) add_version(blocks, plan, district, plugins, Language::zh);
    if (language == PaperLanguage::both) blocks.push_back({BlockKind::page_break, ""});
    if (language != PaperLanguage::zh) add_version(blocks, plan, district, plugins, Language::en);
    return blocks;
}

std::string paper_as_markdown(const std::vector<PaperBlock>& blocks) {
    std::string out;
    bool in_list = false;
    for (const auto& block : blocks) {
        // A blank line ends a list: without it Markdown reads the next paragraph as part of the last item.
        if (in_list && block.kind != BlockKind::bullet) out += '\n';
        in_list = block.kind == BlockKind::bullet;
        switch (block.kind) {
            case BlockKind::paper_number:
                out += fmt::format("<div align=\"right\">{}</div>\n\n", block.text);
                break;
            case BlockKind::letterhead:
                out += fmt::format("**{}**  \n", block.text);
                break;
            case BlockKind::title:
                out += fmt::format("\n# {}\n\n", block.text);
                break;
            case BlockKind::heading:
                out += fmt::format("\n## {}\n\n", block.text);
                break;
            case BlockKind::paragraph:
                out += block.text + "\n\n";
                break;
            case BlockKind::bullet:
                out += fmt::format("- {}\n", block.text);
                break;
            case BlockKind::signature:
                out += fmt::format("<div align=\"right\">{}</div>\n", block.text);
                break;
            case BlockKind::page_break:
                out += "\n---\n\n";
                break;
        }
    }
    return out;
}

std::string paper_as_html(const std::vector<PaperBlock>& blocks, PaperLanguage language) {
    std::string out = fmt::format(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>\n"
        "body {{ font-family: \"Noto Sans CJK TC\", \"WenQuanYi Micro Hei\", sans-serif; max-width: 42em; "
        "margin: 2em auto; line-height: 1.6; }}\n.right {{ text-align: right; }} .centre {{ text-align: center; "
        "font-weight: bold; }}\nh1 {{ text-align: center; font-size: 1.3em; }} h2 {{ font-size: 1.1em; "
        "text-decoration: underline; }}\n.page-break {{ page-break-after: always; }}\n</style>\n</head>\n<body>\n",
        language == PaperLanguage::en ? "en" : "zh-HK", blocks.empty() ? "" : html_escape(blocks.front().text));
    bool in_list = false;
    for (const auto& block : blocks) {
        if (block.kind != BlockKind::bullet && in_list) {
            out += "</ul>\n";
            in_list = false;
        }
        const std::string text = html_escape(block.text);
        switch (block.kind) {
            case BlockKind::paper_number:
            case BlockKind::signature:
                out += fmt::format("<p class=\"right\">{}</p>\n", text);
                break;
            case BlockKind::letterhead:
                out += fmt::format("<p class=\"centre\">{}</p>\n", text);
                break;
            case BlockKind::title:
                out += fmt::format("<h1>{}</h1>\n", text);
                break;
            case BlockKind::heading:
                out += fmt::format("<h2>{}</h2>\n", text);
                break;
            case BlockKind::paragraph:
                out += fmt::format("<p>{}</p>\n", text);
                break;
            case BlockKind::bullet:
                if (!in_list) out += "<ul>\n";
                in_list = true;
                out += fmt::format("<li>{}</li>\n", text);
                break;
            case BlockKind::page_break:
                out += "<div class=\"page-break\"></div>\n";
                break;
        }
    }
    if (in_list) out += "</ul>\n";
    return out + "</body>\n</html>\n";
}

}  // namespace dplan
