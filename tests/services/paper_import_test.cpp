#include "services/paper_import.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <string>

using namespace std::string_literals;

#include "domain/error.hpp"

namespace dplan {
namespace {

const std::vector<AreaHeadings> areas{
    {"family", {"家庭及兒童福利服務", "Family and child welfare services"}},
    {"elderly", {"安老服務"}},
    {"rehabilitation", {"康復服務"}},
    {"youth", {"青少年服務"}},
    {"volunteer", {"義工服務"}},
};

std::string sample_paper() {
    std::ifstream in(DPLAN_FIXTURES "/riverside-2024-25-plan-paper.txt", std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

TEST(PaperImport, ReadsTheRiversidePaperIntoFiveSectionsOfWholeSentences) {
    const PaperImport imported = import_paper_text(sample_paper(), areas);
    const Plan& plan = imported.plan;
    EXPECT_EQ(plan.paper_no, "3/24-25");
    EXPECT_EQ(plan.financial_year, "2024-25");
    EXPECT_EQ(imported.district_name, "河畔區");
    EXPECT_EQ(plan.theme.zh, "Hand in Hand•同心河畔");
    EXPECT_EQ(plan.purpose.zh,
              "本文件旨在向河畔區議會社區服務及福利委員會介紹社署河畔區福利辦事處 2024-25 "
              "年度福利工作計劃，並聽取委員意見。");
    EXPECT_EQ(plan.advice_sought.zh, "請委員備悉文件內容並提供意見。");

    ASSERT_EQ(plan.sections.size(), 5u);
    const std::vector<std::pair<std::string, std::size_t>> expected{
        {"family", 3}, {"elderly", 3}, {"rehabilitation", 2}, {"youth", 3}, {"volunteer", 3}};
    for (std::size_t i = 0; i < expected.size(); ++i) {
        EXPECT_EQ(plan.sections[i].area_id, expected[i].first);
        EXPECT_EQ(plan.sections[i].focus_points.size(), expected[i].second) << expected[i].first;
        for (const auto& point : plan.sections[i].focus_points) {
            EXPECT_TRUE(point.text.zh.ends_with("。")) << point.text.zh;
            EXPECT_EQ(point.text.zh.find('\n'), std::string::npos) << point.text.zh;
            EXPECT_EQ(point.text.zh.find("\xEF\x81\xAC"), std::string::npos) << "stray bullet: " << point.text.zh;
            EXPECT_EQ(point.text.zh.find("；"), std::string::npos) << point.text.zh;
        }
    }
    EXPECT_EQ(plan.sections[0].objective.zh, "鞏固家庭抗逆力，及早識別及支援面對危機的家庭");
    EXPECT_EQ(plan.sections[0].focus_points[0].text.zh,
              "與學校、診所及屋邨管理處建立轉介網絡，讓需要支援的家庭能及早得到服務。");
    EXPECT_EQ(plan.sections[3].focus_points[2].text.zh, "為家長及老師舉辦工作坊，認識青少年網絡成癮的徵兆。");
    EXPECT_EQ(plan.sections[0].focus_points[0].partners,
              (std::vector<Sector>{Sector::health, Sector::education, Sector::district_group}));
    EXPECT_TRUE(imported.unplaced.empty()) << imported.unplaced.front().number << ": " << imported.unplaced.front().text;
}

TEST(PaperImport, CopesWithWindowsLineEndsPageNumbersOtherBulletsAndBrokenEnglish) {
    const std::string paper =
        "\xEF\xBB\xBF社會第 7/25-26號文件\r\n北岸區議會\r\n2025-26 年度福利工作計劃\r\n主題：Together 同行\r\n"
        "\r\n- 2 -\r\n家庭及兒童福利服務\r\n（續）\r\n工作目標：支援 Family\r\nResilience 及早介入\r\n工作計劃重點：\r\n"
        "• 與 community\r\npartners 合作；及\r\n\r\n• 推行家長\r\n\r\n教育\r\n\r\n3\r\n";
    const PaperImport imported = import_paper_text(paper, areas);
    ASSERT_EQ(imported.plan.sections.size(), 1u);
    const auto& family = imported.plan.sections[0];
    EXPECT_EQ(family.objective.zh, "支援 Family Resilience 及早介入");
    ASSERT_EQ(family.focus_points.size(), 2u);
    EXPECT_EQ(family.focus_points[0].text.zh, "與 community partners 合作。");
    EXPECT_EQ(family.focus_points[1].text.zh, "推行家長教育。");
    EXPECT_EQ(imported.plan.financial_year, "2025-26");
    EXPECT_EQ(imported.district_name, "北岸區");
    // Page numbers are dropped; a line that fits nowhere is reported with its number, not guessed.
    ASSERT_EQ(imported.unplaced.size(), 1u);
    EXPECT_EQ(imported.unplaced[0].number, 8);
    EXPECT_EQ(imported.unplaced[0].text, "（續）");
}

TEST(PaperImport, BadInputIsRefusedWithAReason) {
    auto message = [](std::string_view text) {
        try {
            import_paper_text(text, areas);
        } catch (const InvalidInput& e) {
            EXPECT_FALSE(e.message().zh.empty());
            return e.message().en;
        }
        return std::string("accepted");
    };
    EXPECT_EQ(message(""), "the file is empty");
    EXPECT_EQ(message(" \n\r\n "), "the file is empty");
    EXPECT_NE(message(std::string("\x7f" "ELF\0\0\x01", 7)).find("not a text file (binary data at byte 4)"),
              std::string::npos);
    EXPECT_NE(message("\xff\xfe\x00t"s.substr(0, 2) + "abc").find("not UTF-8"), std::string::npos);
    EXPECT_NE(message("2024-25 年度\n目的\n一些文字\n").find("no service-area heading was recognised"), std::string::npos);
    EXPECT_NE(message("家庭及兒童福利服務\n工作目標：x\n").find("no financial year found"), std::string::npos);
    EXPECT_NE(message("2024-25 年度\n安老服務\n工作目標：x\n安老服務\n").find("line 4: service area"), std::string::npos);
}

}  // namespace
}  // namespace dplan
