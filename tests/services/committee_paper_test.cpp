// The committee paper in every format, and the round trips the issue promises: PDF out and
// back in gives the same plan; JSON out and back in too.
#include "services/committee_paper.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>

#include "domain/plan_json.hpp"
#include "services/paper_import.hpp"
#include "services/paper_pdf.hpp"
#include "services/pdf_text.hpp"
#include "support/built_plugins.hpp"
#include "support/sample_plan.hpp"
#include "support/test_database.hpp"

namespace dplan {
namespace {

class CommitteePaperTest : public ::testing::Test {
  protected:
    void SetUp() override {
        registry = testing::built_plugins();
        for (const auto& plugin : registry->loaded()) areas.push_back({plugin->id(), plugin->area()->heading_synonyms});
        dir = testing::make_temp_dir("dplan_paper");
        plan = testing::sample_plan(1);
        // The sample's 𠮷 (beyond the BMP) is not in the Debian CJK font the paper uses.
        plan.sections[1].objective.zh = "推動積極樂頤年";
        plan.updated_at = "2024-05-02T03:04:05.000Z";
        plan.sections.push_back(
            {0,
             "volunteer",
             {"凝聚社區力量", "Bring the community together"},
             {{0,
               {"鼓勵企業及專業人士以專長參與義務工作，並與地區團體合作設立長期的義工配對平台，讓更多居民參與。",
                "Encourage companies and professionals to volunteer their expertise, and with "
                "district groups set up a lasting matching platform so more residents take part."},
               {Sector::business, Sector::district_group, Sector::resident}}}});
    }
    void TearDown() override { std::filesystem::remove_all(dir); }

    std::unique_ptr<plugins::PluginRegistry> registry;
    std::vector<AreaHeadings> areas;
    std::filesystem::path dir;
    Plan plan;
    const District district{1, "riverside", {"河畔區", "Riverside"}, {}, {}, {}};
};

void expect_same_plan_text(const Plan& back, const Plan& plan, bool with_english) {
    EXPECT_EQ(back.paper_no, plan.paper_no);
    EXPECT_EQ(back.financial_year, plan.financial_year);
    EXPECT_EQ(back.theme.zh, plan.theme.zh);
    EXPECT_EQ(back.purpose.zh, plan.purpose.zh);
    EXPECT_EQ(back.advice_sought.zh, plan.advice_sought.zh);
    if (with_english) {
        EXPECT_EQ(back.theme.en, plan.theme.en);
        EXPECT_EQ(back.purpose.en, plan.purpose.en);
        EXPECT_EQ(back.advice_sought.en, plan.advice_sought.en);
    }
    ASSERT_EQ(back.sections.size(), plan.sections.size());
    for (std::size_t s = 0; s < plan.sections.size(); ++s) {
        EXPECT_EQ(back.sections[s].area_id, plan.sections[s].area_id);
        EXPECT_EQ(back.sections[s].objective.zh, plan.sections[s].objective.zh);
        if (with_english) {
            EXPECT_EQ(back.sections[s].objective.en, plan.sections[s].objective.en);
        }
        ASSERT_EQ(back.sections[s].focus_points.size(), plan.sections[s].focus_points.size());
        for (std::size_t p = 0; p < plan.sections[s].focus_points.size(); ++p) {
            const auto& want = plan.sections[s].focus_points[p];
            const auto& got = back.sections[s].focus_points[p];
            auto partners = want.partners;
            std::sort(partners.begin(), partners.end());
            EXPECT_EQ(got.partners, partners) << want.text.zh;
            if (with_english) {
                EXPECT_EQ(got.text.en, want.text.en);
            }
        }
    }
}

TEST_F(CommitteePaperTest, ABilingualPdfImportsBackAsTheSamePlan) {
    ASSERT_EQ(registry->loaded().size(), 5u);
    // Whole sentences as stored, so the paper prints them unchanged.
    for (auto& section : plan.sections) {
        for (auto& point : section.focus_points) {
            if (!point.text.zh.ends_with("。")) point.text.zh += "。";
            if (!point.text.en.ends_with(".")) point.text.en += ".";
            point.text.zh.erase(std::remove(point.text.zh.begin(), point.text.zh.end(), ';'), point.text.zh.end());
        }
    }
    plan.sections[0].focus_points[0].text.zh = "與學校、診所建立轉介網絡。";
    const auto pdf = dir / "paper.pdf";
    write_paper_pdf(committee_paper(plan, district, *registry, PaperLanguage::both), pdf);
    ASSERT_TRUE(std::filesystem::exists(pdf));
    EXPECT_FALSE(std::filesystem::exists(dir / "paper.pdf.part"));

    const PaperImport back = import_paper_text(pdf_text(pdf), areas);
    EXPECT_EQ(back.district_name, "河畔區");
    expect_same_plan_text(back.plan, plan, true);
    for (std::size_t s = 0; s < plan.sections.size(); ++s) {
        for (std::size_t p = 0; p < plan.sections[s].focus_points.size(); ++p) {
            EXPECT_EQ(back.plan.sections[s].focus_points[p].text.zh, plan.sections[s].focus_points[p].text.zh);
        }
    }
    EXPECT_TRUE(back.unplaced.empty()) << back.unplaced.front().text;
}

TEST_F(CommitteePaperTest, MarkdownAndHtmlFollowThePaperAndEscapeText) {
    plan.theme.en = "Riverside <Together> & more";
    const auto blocks = committee_paper(plan, district, *registry, PaperLanguage::both);
    const std::string markdown = paper_as_markdown(blocks);
    EXPECT_NE(markdown.find("社會第 3/24-25號文件"), std::string::npos);
    EXPECT_NE(markdown.find("## 家庭及兒童福利服務"), std::string::npos) << markdown;
    EXPECT_NE(markdown.find("- 與學校、診所建立轉介網絡；（合作界別：教育界、醫護界）"), std::string::npos) << markdown;
    EXPECT_NE(markdown.find("## Advice sought"), std::string::npos);
    EXPECT_LT(markdown.find("## 諮詢意見"), markdown.find("## Purpose")) << "the Chinese version comes first";
    const std::string html = paper_as_html(blocks, PaperLanguage::both);
    EXPECT_NE(html.find("Riverside &lt;Together&gt; &amp; more"), std::string::npos);
    EXPECT_NE(html.find("<html lang=\"zh-HK\">"), std::string::npos);
    EXPECT_EQ(html.find("<Together>"), std::string::npos);
}

// Issue 21 (report text format): a paragraph after a plugin's bullets stays a paragraph in Markdown.
TEST_F(CommitteePaperTest, AParagraphAfterBulletsIsNotJoinedToTheLastBulletInMarkdown) {
    const std::vector<PaperBlock> blocks{{BlockKind::bullet, "first"},
                                         {BlockKind::bullet, "last"},
                                         {BlockKind::paragraph, "A paragraph after the list."}};
    EXPECT_EQ(paper_as_markdown(blocks), "- first\n- last\n\nA paragraph after the list.\n\n");
}

TEST_F(CommitteePaperTest, TextNoFontCanShowIsRefusedInsteadOfPrintingBoxes) {
    plan.theme.zh = "私用區字元\xEE\x80\x80";  // U+E000: no font has a glyph for it
    const auto pdf = dir / "boxes.pdf";
    try {
        write_paper_pdf(committee_paper(plan, district, *registry, PaperLanguage::zh), pdf);
        FAIL() << "a paper with an unprintable character was written";
    } catch (const InvalidInput& e) {
        EXPECT_NE(e.message().en.find("no installed font can show"), std::string::npos) << e.message().en;
    }
    EXPECT_FALSE(std::filesystem::exists(pdf));
    EXPECT_FALSE(std::filesystem::exists(dir / "boxes.pdf.part"));
}

TEST_F(CommitteePaperTest, DamagedPdfsGetAClearError) {
    const auto truncated = dir / "truncated.pdf";
    write_paper_pdf(committee_paper(plan, district, *registry, PaperLanguage::zh), dir / "whole.pdf");
    const auto size = std::filesystem::file_size(dir / "whole.pdf");
    std::filesystem::copy_file(dir / "whole.pdf", truncated);
    std::filesystem::resize_file(truncated, size / 3);
    for (const auto& file : {truncated, dir / "missing.pdf"}) {
        try {
            pdf_text(file);
            ADD_FAILURE() << file << " was read";
        } catch (const InvalidInput& e) {
            EXPECT_NE(e.message().en.find("is not a readable PDF"), std::string::npos) << e.message().en;
        }
    }
    const auto junk = dir / "junk.pdf";
    std::ofstream(junk) << "%PDF-1.4\nthis is not really a pdf";
    EXPECT_THROW(pdf_text(junk), InvalidInput);
}

}  // namespace
}  // namespace dplan
