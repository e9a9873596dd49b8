// Meetings through the dplan binary on the demo database: the cycle, the collaboration matrix and
// trace, and the exports checked by tools no one here wrote (Python's icalendar, poppler).
#include <gtest/gtest.h>

#include <fstream>

#include "plugin_cli_fixture.hpp"
#include "services/pdf_text.hpp"

namespace dplan {
namespace {

using MeetingCli = PlanImportCli;

TEST_F(MeetingCli, TheDemoHasMeetingsWithViewsDecisionsAndAnOverdueAction) {
    auto result = dplan({"--db", url, "meeting", "list"});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_NE(result.out.find("2024-03-12T14:30  District welfare planning meeting"), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("Committee meeting"), std::string::npos) << result.out;
    result = dplan({"--db", url, "meeting", "show", "1"});
    EXPECT_NE(result.out.find("#3 [Elderly services] Ms Lam Suk-yee: 希望長者地區中心增設夜間服務。 – not adopted"),
              std::string::npos)
        << result.out;
    result = dplan({"--db", url, "meeting", "action", "list", "--overdue", "--as-of", "2024-12-01"});
    EXPECT_NE(result.out.find("與商會商討青少年暑期實習安排"), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("[OVERDUE]"), std::string::npos) << result.out;
    EXPECT_EQ(result.out.find("整理學校"), std::string::npos) << "done items are never overdue";
}

TEST_F(MeetingCli, AMeetingIsPlannedHeldMinutedAndTraced) {
    auto run = [&](std::vector<std::string> arguments) {
        arguments.insert(arguments.begin(), {"--db", url});
        const auto result = dplan(arguments);
        EXPECT_EQ(result.exit_code, 0) << result.err;
        return result.out;
    };
    run({"org", "add", "--name-zh", "河畔長者學苑", "--name-en", "Riverside Elder Academy", "--sector", "education"});
    EXPECT_NE(
        run({"stakeholder", "add", "--name-zh", "馬老師", "--organisation", "河畔長者學苑", "--email", "ma@example.hk"})
            .find("Registered stakeholder 9."),
        std::string::npos);
    EXPECT_NE(run({"meeting",    "new",
                   "--plan",     "1",
                   "--kind",     "working_group",
                   "--title-zh", "長者服務工作小組",
                   "--title-en", "Elderly services working group",
                   "--start",    "2024-09-05T10:00",
                   "--end",      "2024-09-05T12:00",
                   "--venue",    "河畔長者地區中心",
                   "--chair",    "8",
                   "--invite",   "9,6",
                   "--agenda",   "elderly:長者學習及夜間支援"})
                  .find("Created meeting 4."),
              std::string::npos);
    run({"meeting", "attend", "4", "--present", "9", "--apologies", "6"});
    run({"meeting", "minutes", "4", "--item", "1", "--text", "學苑願意開辦晚間課程。"});
    run({"meeting", "view", "add", "4", "--area", "elderly", "--by", "9", "--text", "長者學習可與義工服務結合"});
    run({"meeting", "view", "address", "4", "--focus-point", "4"});
    run({"meeting", "action", "add", "4", "--text", "草擬晚間課程建議", "--owner", "9", "--due", "2024-10-31"});

    const std::string show = run({"meeting", "show", "4"});
    EXPECT_NE(show.find("#9 馬老師 (Education) – present"), std::string::npos) << show;
    EXPECT_NE(show.find("學苑願意開辦晚間課程。"), std::string::npos) << show;
    const std::string trace = run({"collaboration", "trace", "--plan", "1"});
    EXPECT_NE(trace.find("長者學習可與義工服務結合\n    → addressed in plan\n      focus point 4:"), std::string::npos)
        << trace;
    const std::string matrix = run({"collaboration", "matrix", "--plan", "1"});
    EXPECT_NE(matrix.find("empty cells."), std::string::npos) << matrix;

    // Bad input: a clear message, nothing stored.
    auto result = dplan({"--db", url, "meeting", "new", "--plan", "1", "--title-zh", "x", "--start", "tomorrow"});
    EXPECT_EQ(result.exit_code, 2);
    EXPECT_NE(result.err.find("time 'tomorrow' is not valid"), std::string::npos) << result.err;
    result = dplan({"--db", url, "meeting", "minutes", "4", "--item", "1", "--text", "late", "--version", "1"});
    EXPECT_EQ(result.exit_code, 4) << "a stale version is a conflict";
    result = dplan({"--db", url, "meeting", "view", "decline", "99", "--reason", "x"});
    EXPECT_EQ(result.exit_code, 3);
    EXPECT_EQ(run({"meeting", "list"}).find("tomorrow"), std::string::npos);
}

TEST_F(MeetingCli, TheCalendarFileIsReadByPythonIcalendarWithChineseIntact) {
    const auto ics = root / "meeting.ics";
    auto result = dplan({"--db", url, "meeting", "export", "1", "--format", "ics", "--out", ics.string()});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const auto script = root / "read.py";
    std::ofstream(script) << "import sys, icalendar\n"
                             "cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())\n"
                             "for event in cal.walk('VEVENT'):\n"
                             "    print(str(event['SUMMARY']))\n"
                             "    print(event.decoded('DTSTART').isoformat())\n"
                             "    print(len(event.get('ATTENDEE')))\n"
                             "    print(event['ORGANIZER'].params['CN'])\n";
    result = testing::run_command("/usr/bin/python3", {script.string(), ics.string()});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_EQ(result.out,
              "2024-25 年度地區福利規劃會議 District Welfare Planning Meeting 2024-25\n"
              "2024-03-12T06:30:00+00:00\n"
              "8\n"
              "吳慧敏女士\n");
}

TEST_F(MeetingCli, MinutesAreMarkdownAndAPdfWithChineseText) {
    auto result = dplan({"--db", url, "meeting", "export", "1", "--format", "md"});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_NE(result.out.find("會議紀錄 Minutes of meeting"), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("建議與診所合作，及早識別產後情緒困擾的母親並轉介支援。（已納入計劃 addressed in plan）"),
              std::string::npos)
        << result.out;
    const auto pdf = root / "minutes.pdf";
    result = dplan({"--db", url, "meeting", "export", "1", "--format", "pdf", "--out", pdf.string()});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const std::string text = pdf_text(pdf);
    EXPECT_NE(text.find("2024-25 年度地區福利規劃會議"), std::string::npos) << text;
    EXPECT_NE(text.find("逾期"), std::string::npos) << "the overdue action stands out\n" << text;
}

}  // namespace
}  // namespace dplan
