// The editor's wrapping (model/soft_wrap.hpp) with a font where a Latin character is 1 wide and a
// Chinese one 2: where lines break, and how an edit on the wrapped text comes back as the user's text.
#include "model/soft_wrap.hpp"

#include <gtest/gtest.h>

namespace dplan::gui {
namespace {

float advance(char32_t c) { return c < 0x80 ? 1.0f : 2.0f; }

std::vector<std::string> lines_of(const SoftWrapped& wrapped) {
    std::vector<std::string> lines;
    std::size_t from = 0;
    for (std::size_t at = wrapped.display.find('\n'); at != std::string::npos; at = wrapped.display.find('\n', from)) {
        lines.push_back(wrapped.display.substr(from, at - from));
        from = at + 1;
    }
    lines.push_back(wrapped.display.substr(from));
    return lines;
}

TEST(SoftWrap, EnglishBreaksBetweenWordsAndALongWordWhereItMust) {
    const auto wrapped = soft_wrap("Support families in crisis early", 10, advance);
    EXPECT_EQ(lines_of(wrapped), (std::vector<std::string>{"Support ", "families ", "in crisis ", "early"}));
    EXPECT_EQ(wrapped.lines(), 4u);
    EXPECT_EQ(unwrap(wrapped.display, wrapped.breaks), "Support families in crisis early");
    EXPECT_EQ(lines_of(soft_wrap("abcdefghijkl", 5, advance)), (std::vector<std::string>{"abcde", "fghij", "kl"}));
}

TEST(SoftWrap, ChineseBreaksBetweenCharactersButNotBeforeClosingPunctuation) {
    // Each character is 2 wide: three to a line of 6.
    EXPECT_EQ(lines_of(soft_wrap("加強社區支援網絡", 6, advance)),
              (std::vector<std::string>{"加強社", "區支援", "網絡"}));
    // "，" may not start a line: "區" goes down with it.
    EXPECT_EQ(lines_of(soft_wrap("加強社區，支援", 8, advance)), (std::vector<std::string>{"加強社", "區，支援"}));
    // Mixed: the English word stays whole, Chinese breaks next to it.
    EXPECT_EQ(lines_of(soft_wrap("與NGO合作", 6, advance)), (std::vector<std::string>{"與NGO", "合作"}));
}

TEST(SoftWrap, BreaksTheUserTypedStayAndStartALine) {
    const auto wrapped = soft_wrap("ab\ncdefgh", 4, advance);
    EXPECT_EQ(lines_of(wrapped), (std::vector<std::string>{"ab", "cdef", "gh"}));
    EXPECT_EQ(wrapped.breaks.size(), 1u) << "only the break at 'g' is soft";
    EXPECT_EQ(unwrap(wrapped.display, wrapped.breaks), "ab\ncdefgh");
}

TEST(SoftWrap, ThreeHundredCharactersWrapIntoLinesNoWiderThanTheBox) {
    std::string text;
    for (int i = 0; i < 23; ++i) text += "透過跨界別合作，支援青少年";  // 13 characters
    text += "。";
    const auto wrapped = soft_wrap(text, 80, advance);  // 40 characters a line
    EXPECT_EQ(unwrap(wrapped.display, wrapped.breaks), text);
    for (const auto& line : lines_of(wrapped)) {
        EXPECT_LE(line.size() / 3 * 2, 80u) << line;
        EXPECT_NE(line.rfind("，", 0), 0u) << "no line starts with a comma: " << line;
    }
    EXPECT_GE(wrapped.lines(), 8u) << "300 characters, 40 a line";
    EXPECT_LE(wrapped.lines(), 9u);
}

TEST(SoftWrap, TypingAtTheEndOfALineMovesTheWordAndTheCursorDown) {
    const auto before = soft_wrap("one two", 4, advance);  // "one \ntwo"
    ASSERT_EQ(before.display, "one \ntwo");
    // The user types "s" at the end: ImGui holds "one \ntwos", cursor after "s".
    auto edit = take_edit(before, "one \ntwos", 8, 9);
    EXPECT_EQ(edit.text, "one twos");
    EXPECT_EQ(edit.cursor, 8u);
    // Typing before the break on the first line.
    edit = take_edit(before, "ones \ntwo", 3, 4);
    EXPECT_EQ(edit.text, "ones two");
    EXPECT_EQ(edit.cursor, 4u);
    const auto after = soft_wrap(edit.text, 4, advance);
    EXPECT_EQ(to_display_offset(edit.cursor, after.breaks), 4u);
}

TEST(SoftWrap, BackspaceOrDeleteOnAnInvisibleBreakTakesTheNeighbouringCharacter) {
    const auto before = soft_wrap("加強社區", 4, advance);  // "加強\n社區"
    ASSERT_EQ(before.breaks, std::vector<std::size_t>{6});
    // Backspace at the start of the second line: ImGui deletes the break.
    auto edit = take_edit(before, "加強社區", 7, 6);
    EXPECT_EQ(edit.text, "加社區");
    EXPECT_EQ(edit.cursor, 3u);
    // Delete at the end of the first line.
    edit = take_edit(before, "加強社區", 6, 6);
    EXPECT_EQ(edit.text, "加強區");
    EXPECT_EQ(edit.cursor, 6u);
}

TEST(SoftWrap, PastingOverASelectionAcrossABreakKeepsTheOtherBreaks) {
    const auto before = soft_wrap("aaaa bbbb cccc dddd", 5, advance);
    ASSERT_EQ(before.display, "aaaa \nbbbb \ncccc \ndddd");
    // Select "bbbb \ncc" and paste "X".
    const std::string after = "aaaa \nXcc \ndddd";
    const auto edit = take_edit(before, after, 6, 7);
    EXPECT_EQ(edit.text, "aaaa Xcc dddd");
    EXPECT_EQ(edit.cursor, 6u);
}

TEST(SoftWrap, OffsetsMapBetweenTextAndDisplay) {
    const auto wrapped = soft_wrap("abcdefgh", 3, advance);  // "abc\ndef\ngh"
    ASSERT_EQ(wrapped.display, "abc\ndef\ngh");
    EXPECT_EQ(to_text_offset(3, wrapped.breaks), 3u);
    EXPECT_EQ(to_text_offset(4, wrapped.breaks), 3u);
    EXPECT_EQ(to_text_offset(10, wrapped.breaks), 8u);
    EXPECT_EQ(to_display_offset(3, wrapped.breaks), 4u) << "at a break: the start of the next line";
    EXPECT_EQ(to_display_offset(8, wrapped.breaks), 10u);
}

}  // namespace
}  // namespace dplan::gui
