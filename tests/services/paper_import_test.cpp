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
    EXPECT_TRUE(imported.unplaced.empty())
        << imported.unplaced.front().number << ": " << imported.unplaced.front().text;
}

TEST(PaperImport, CopesWithWindowsLineEndsPageNumbersOtherBulletsAndBrokenEnglish) {
    const std::string paper =
        "\xEF\xBB\xBF社會第 7/25-26號文件\r\n北岸區議會\r\n2025-26 年度福利工作計劃\r\n主題：Together 同行\r\n"
        "\r\n- 2 -\r\n家庭及兒童福利服務\r\n（續）\r\n工作目標：支援 Family\r\nResilience "
        "及早介入\r\n工作計劃重點：\r\n"
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
    EXPECT_NE(message(std::string("\x7f"
                                  "ELF\0\0\x01",
                                  7))
                  .find("not a text file (binary data at byte 4)"),
              std::string::npos);
    EXPECT_NE(message("\xff\xfe\x00t"s.substr(0, 2) + "abc").find("not UTF-8"), std::string::npos);
    EXPECT_NE(message("2024-25 年度\n目的\n一些文字\n").find("no service-area heading was recognised"),
              std::string::npos);
    EXPECT_NE(message("家庭及兒童福利服務\n工作目標：x\n").find("no financial year found"), std::string::npos);
    EXPECT_NE(message("2024-25 年度\n安老服務\n工作目標：x\n安老服務\n").find("line 4: service area"),
              std::string::npos);
}

// std::regex recursed once per character: a 40 KB line of digits or 15,000 Chinese characters
// without a space ended the process (SIGSEGV), and a few thousand took seconds.
TEST(PaperImport, LongLinesAreReadInOnePassUpToTheLimitAndRefusedBeyondIt) {
    std::string long_chinese;
    while (long_chinese.size() + 3 <= paper_longest_line - 30) long_chinese += "區";
    const std::string digits(paper_longest_line - 30, '7');
    const std::string paper = "第 " + digits + "\n" + long_chinese + "議會\n2024-25 年度\n青少年服務\n工作目標：" +
                              long_chinese.substr(0, long_chinese.size() - 30) + "\n" + digits + "年度\n";
    const PaperImport imported = import_paper_text(paper, areas);
    ASSERT_EQ(imported.plan.sections.size(), 1u);
    EXPECT_EQ(imported.plan.financial_year, "2024-25");
    EXPECT_EQ(imported.district_name, long_chinese);
    EXPECT_TRUE(imported.plan.paper_no.empty());
    EXPECT_EQ(imported.plan.sections[0].objective.zh.size(), long_chinese.size() - 30 + digits.size() + 6);

    for (const std::string& line : {std::string(40'000, '1'), long_chinese + long_chinese}) {
        try {
            import_paper_text("2024-25 年度\n" + line + "\n青少年服務\n", areas);
            ADD_FAILURE() << "a line of " << line.size() << " bytes was accepted";
        } catch (const InvalidInput& e) {
            EXPECT_EQ(e.message().en,
                      "line 2 is longer than 16384 bytes, the limit for one line; this does not look "
                      "like a committee paper");
            EXPECT_EQ(e.message().zh, "第 2 行超過 16384 位元組（每行上限）；這不像是委員會文件");
        }
    }
}

// The scans that replaced the patterns find what the patterns found, wherever it is in the line.
TEST(PaperImport, LetterheadNumbersYearsAndDatesAreFoundWhereThePatternsFoundThem) {
    const std::string paper =
        "Paper No.  12/24-25 (for discussion)\nRiverside District Council\nDistrict Welfare Plan 2024-25\n"
        "Youth services\nObjective: Help youth\nAdvice sought\n1.  Members are invited to note.\nMay 2024\n";
    const std::vector<AreaHeadings> english{{"youth", {"青少年服務", "Youth services"}}};
    const PaperImport imported = import_paper_text(paper, english);
    EXPECT_EQ(imported.plan.paper_no, "12/24-25");
    EXPECT_EQ(imported.district_name, "Riverside");
    EXPECT_EQ(imported.plan.financial_year, "2024-25");
    EXPECT_EQ(imported.plan.advice_sought.en, "Members are invited to note.");
    EXPECT_TRUE(imported.unplaced.empty()) << imported.unplaced.front().text;

    const PaperImport chinese = import_paper_text(
        "（第3/24-25號文件）\n致 河畔區議會\n12024 - 25年度\n安老服務\n工作目標：x\n諮詢意見\n2. 請備悉。\n2024 年 5 "
        "月\n",
        areas);
    EXPECT_EQ(chinese.plan.paper_no, "3/24-25");
    EXPECT_EQ(chinese.district_name, "河畔區");
    EXPECT_EQ(chinese.plan.financial_year, "2024-25");
    EXPECT_EQ(chinese.plan.advice_sought.zh, "請備悉。");
    EXPECT_TRUE(chinese.unplaced.empty()) << chinese.unplaced.front().text;
}

}  // namespace
}  // namespace dplan
