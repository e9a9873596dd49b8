// The committee paper (文件) laid out as a list of blocks, in the order and shape of a real
// paper: paper number, council and committee, office, title and theme, purpose, one section per
// service area (the plugins' report text), advice sought, then the office and the date.
// Markdown, HTML and PDF are renderings of the same blocks.
#pragma once

#include <string>
#include <vector>

#include "domain/district.hpp"
#include "domain/plan.hpp"
#include "plugins/plugin_registry.hpp"

namespace dplan {

enum class BlockKind {
    paper_number,  // right-aligned, first line
    letterhead,    // centred: council, committee, office
    title,         // centred, larger
    heading,       // a part of the paper or a service area
    paragraph,
    bullet,      // a focus point
    signature,   // right-aligned: office and date
    page_break,  // between the Chinese and English versions
};

struct PaperBlock {
    BlockKind kind;
    std::string text;
};

enum class PaperLanguage { zh, en, both };

// Section text comes from each area's plugin (its report extension); a section whose plugin is
// missing is written by the host in the same form.
std::vector<PaperBlock> committee_paper(const Plan& plan, const District& district,
                                        const plugins::PluginRegistry& plugins, PaperLanguage language);

std::string paper_as_markdown(const std::vector<PaperBlock>& blocks);
std::string paper_as_html(const std::vector<PaperBlock>& blocks, PaperLanguage language);

}  // namespace dplan
