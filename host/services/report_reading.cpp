#include "services/report_reading.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>

#include "domain/error.hpp"
#include "plugins/utf8.hpp"
#include "services/measure_words.hpp"
#include "services/target_inference.hpp"

namespace dplan {

namespace {

// --- text -------------------------------------------------------------------------------------

std::u32string decode(std::string_view text) {
    std::u32string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        const int length = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        char32_t code = length == 1 ? c : length == 2 ? c & 0x1F : length == 3 ? c & 0x0F : c & 0x07;
        for (int k = 1; k < length && i + k < text.size(); ++k)
            code = (code << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
        out.push_back(code);
        i += length;
    }
    return out;
}

std::string encode(std::u32string_view text) {
    std::string out;
    for (const char32_t c : text) {
        if (c < 0x80) {
            out += static_cast<char>(c);
        } else if (c < 0x800) {
            out += static_cast<char>(0xC0 | (c >> 6));
            out += static_cast<char>(0x80 | (c & 0x3F));
        } else if (c < 0x10000) {
            out += static_cast<char>(0xE0 | (c >> 12));
            out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (c & 0x3F));
        } else {
            out += static_cast<char>(0xF0 | (c >> 18));
            out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
            out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (c & 0x3F));
        }
    }
    return out;
}

bool is_cjk(char32_t c) { return (c >= 0x3400 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) || c >= 0x20000; }
bool is_digit(char32_t c) { return c >= U'0' && c <= U'9'; }
bool is_letter(char32_t c) { return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z'); }
bool is_space(char32_t c) { return c == U' ' || c == U'\t' || c == U'\r'; }
bool has_cjk(std::u32string_view text) { return std::any_of(text.begin(), text.end(), is_cjk); }

// Clause ends: full-width and ASCII punctuation (an ASCII comma only between words, not in 2,150).
bool ends_clause(std::u32string_view text, std::size_t i) {
    const char32_t c = text[i];
    if (c == U'，' || c == U'。' || c == U'；' || c == U'：' || c == U';' || c == U'、' || c == U'!' || c == U'?')
        return true;
    if (c == U',') return !(i > 0 && is_digit(text[i - 1]) && i + 1 < text.size() && is_digit(text[i + 1]));
    if (c == U'.') return !(i + 1 < text.size() && is_digit(text[i + 1]));
    if (c == U':') return true;
    return false;
}

// Full-width digits, letters, %, brackets and the ideographic space read as their ASCII selves;
// the Chinese clause punctuation (，。；：) stays, as it is part of the descriptions' text.
char32_t normalise(char32_t c) {
    if ((c >= 0xFF10 && c <= 0xFF19) || (c >= 0xFF21 && c <= 0xFF3A) || (c >= 0xFF41 && c <= 0xFF5A)) return c - 0xFEE0;
    switch (c) {
        case 0xFF05:
        case 0xFE6A:
            return U'%';
        case 0xFF08:
            return U'(';
        case 0xFF09:
            return U')';
        case 0xFF0E:
            return U'.';
        case 0xFF0F:
            return U'/';
        case 0x3000:
        case 0x00A0:
        case 0x2002:
        case 0x2003:
        case 0x2009:
        case 0x202F:
            return U' ';
        case U'\t':
            return U'\t';
        default:
            return c;
    }
}

// Bullets PDF extraction leaves at the start of list lines: private-use (U+F06C, U+F0B7, U+F0A7)
// and the usual dots, squares and diamonds.
bool is_bullet(char32_t c) {
    static constexpr std::array<char32_t, 16> bullets{0xF06C, 0xF0B7, 0xF0A7, 0xF0D8, 0x2022, 0x25CF, 0x25AA, 0x25A0,
                                                      0x25C6, 0x30FB, 0x25CB, 0x25E6, 0x2027, 0x2023, 0x2043, 0x00B7};
    return std::find(bullets.begin(), bullets.end(), c) != bullets.end();
}

std::u32string_view trim(std::u32string_view text) {
    while (!text.empty() && (is_space(text.front()) || text.front() == U'\n')) text.remove_prefix(1);
    while (!text.empty() && (is_space(text.back()) || text.back() == U'\n')) text.remove_suffix(1);
    return text;
}

std::string lower(std::u32string_view text) {
    std::string out = encode(text);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

struct Line {
    int number = 0;
    std::u32string text;  // normalised, bullet and edges trimmed
    bool bulleted = false;
    bool furniture = false;  // a page number: "- 2 -", "第 2 頁", "Page 2 of 3"
};

bool is_page_furniture(std::u32string_view text) {
    std::string rest = lower(text);
    for (const std::string_view word : {"page", "第", "頁", "共", "of", "-", "–", "—", "/", " "}) {
        for (auto at = rest.find(word); at != std::string::npos; at = rest.find(word)) rest.erase(at, word.size());
    }
    const bool digits_only =
        !rest.empty() && std::all_of(rest.begin(), rest.end(), [](char c) { return c >= '0' && c <= '9'; });
    // A bare number is an objective's numbering; a page number comes dressed.
    return digits_only && rest.size() < 5 && lower(text) != rest;
}

// --- the parts of a report --------------------------------------------------------------------

enum class Section { head, objectives, outputs, outcomes, other };

// A heading, after any numbering ("二、", "3.", "(一)"): short, no figures, one of the words
// reports use for their parts.
std::optional<Section> heading_of(std::u32string_view text) {
    std::u32string_view rest = text;
    while (!rest.empty() &&
           (is_digit(rest.front()) || rest.front() == U'(' || rest.front() == U')' ||
            std::u32string_view(U"一二三四五六七八九十、.").find(rest.front()) != std::u32string_view::npos))
        rest.remove_prefix(1);
    rest = trim(rest);
    if (rest.empty() || rest.size() > 40 || rest.find(U'%') != std::u32string_view::npos ||
        std::any_of(rest.begin(), rest.end(), is_digit))
        return std::nullopt;
    const std::string words = lower(rest);
    const auto has = [&](std::string_view word) { return words.find(word) != std::string::npos; };
    if (has("成果指標") || has("產出指標") || has("output")) return Section::outputs;
    if (has("成效指標") || has("outcome")) return Section::outcomes;
    if (has("計劃目標") || has("服務目標") || has("objective") || words == "目標" || words == "aims")
        return Section::objectives;
    return std::nullopt;
}

// --- dates ------------------------------------------------------------------------------------

struct FoundDate {
    std::size_t begin = 0, end = 0;
    std::string iso;
};

std::optional<std::string> iso_date(int y, int m, int d) {
    using namespace std::chrono;
    const year_month_day date{year{y}, month{static_cast<unsigned>(m)}, day{static_cast<unsigned>(d)}};
    if (y < 1990 || y > 2200 || !date.ok()) return std::nullopt;
    return fmt::format("{:04}-{:02}-{:02}", y, m, d);
}

// A run of digits at i: its value and where it ends.
std::pair<int, std::size_t> digits_at(std::u32string_view text, std::size_t i) {
    int value = 0;
    std::size_t j = i;
    while (j < text.size() && is_digit(text[j]) && j - i < 5) value = value * 10 + static_cast<int>(text[j++] - U'0');
    return {value, j};
}

int month_named(std::string_view word) {
    static constexpr std::array<std::string_view, 12> months{"jan", "feb", "mar", "apr", "may", "jun",
                                                             "jul", "aug", "sep", "oct", "nov", "dec"};
    if (word.size() < 3) return 0;
    for (std::size_t m = 0; m < months.size(); ++m) {
        if (word.substr(0, 3) == months[m]) return static_cast<int>(m) + 1;
    }
    return 0;
}

// Dates as reports write them: 01/04/2023 (day first, as in Hong Kong), 2023-04-01, 2023/4/1,
// 2023年4月1日, 1 April 2023.
std::vector<FoundDate> dates_in(std::u32string_view text) {
    std::vector<FoundDate> found;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (!is_digit(text[i]) || (i > 0 && is_digit(text[i - 1]))) continue;
        const auto [a, a_end] = digits_at(text, i);
        const std::size_t a_len = a_end - i;
        auto number_after = [&](std::size_t at,
                                std::u32string_view separators) -> std::optional<std::pair<int, std::size_t>> {
            if (at >= text.size() || separators.find(text[at]) == std::u32string_view::npos) return std::nullopt;
            if (at + 1 >= text.size() || !is_digit(text[at + 1])) return std::nullopt;
            return digits_at(text, at + 1);
        };
        std::optional<std::string> iso;
        std::size_t end = a_end;
        if (a_len == 4) {
            if (const auto m = number_after(a_end, U"-/.年")) {
                if (const auto d = number_after(m->second, U"-/.月")) {
                    iso = iso_date(a, m->first, d->first);
                    end = d->second;
                    if (end < text.size() && text[end] == U'日') ++end;
                }
            }
        } else if (a_len <= 2) {
            if (const auto m = number_after(a_end, U"/.-")) {
                if (const auto y = number_after(m->second, U"/.-"); y && y->second - m->second - 1 == 4) {
                    iso = iso_date(y->first, m->first, a);
                    end = y->second;
                }
            } else {
                // "1 April 2023"
                std::size_t j = a_end;
                while (j < text.size() && is_space(text[j])) ++j;
                std::size_t word_end = j;
                while (word_end < text.size() && is_letter(text[word_end])) ++word_end;
                const int month = month_named(lower(text.substr(j, word_end - j)));
                std::size_t k = word_end;
                while (k < text.size() && (is_space(text[k]) || text[k] == U',')) ++k;
                if (month && k < text.size() && is_digit(text[k])) {
                    const auto [y, y_end] = digits_at(text, k);
                    if (y_end - k == 4) {
                        iso = iso_date(y, month, a);
                        end = y_end;
                    }
                }
            }
        }
        if (iso) {
            found.push_back({i, end, *iso});
            i = end;
        }
    }
    return found;
}

// "2023-24" or "2023/24年度": the financial year, 1 April to 31 March.
std::optional<std::pair<std::string, std::string>> financial_year_in(std::u32string_view text) {
    for (std::size_t i = 0; i + 7 <= text.size(); ++i) {
        if (!is_digit(text[i]) || (i > 0 && is_digit(text[i - 1]))) continue;
        const auto [y, y_end] = digits_at(text, i);
        if (y_end - i != 4 || y_end + 3 > text.size() || (text[y_end] != U'-' && text[y_end] != U'/')) continue;
        const auto [next, next_end] = digits_at(text, y_end + 1);
        if (next_end - y_end - 1 != 2 || (next_end < text.size() && is_digit(text[next_end]))) continue;
        if (next != (y + 1) % 100) continue;
        return std::make_pair(fmt::format("{:04}-04-01", y), fmt::format("{:04}-03-31", y + 1));
    }
    return std::nullopt;
}

// --- figures in a sentence --------------------------------------------------------------------

struct Token {
    enum Kind { figure, percent, target } kind = figure;
    std::size_t begin = 0, end = 0;  // the number (percent: with its brackets and sign)
    std::string digits;              // without thousands separators
    // figures
    std::string unit;
    std::size_t measure_begin = 0, measure_end = 0;  // the measure word, when it follows the number
    bool drop_measure = false;                       // a classifier (次, 名), not worth keeping in a description
    int percent_at = -1;                             // index of its percentage token
    int printed_target = -1;                         // index of its target token
    std::string problem_zh, problem_en;              // no unit could be told
};

double value_of(const std::string& digits) { return std::stod(digits); }

// Words that say the next number is a target, not an achievement.
bool says_target(std::u32string_view before) {
    std::u32string_view rest = before;
    while (!rest.empty() && (is_space(rest.back()) || rest.back() == U':' || rest.back() == U'：' ||
                             rest.back() == U'為' || rest.back() == U'(' || rest.back() == U'是'))
        rest.remove_suffix(1);
    if (rest.ends_with(U"目標") || rest.ends_with(U"預期")) return true;
    const std::string tail = lower(rest.substr(rest.size() > 12 ? rest.size() - 12 : 0));
    for (const std::string_view word : {"target", "target of", "out of", "targeted"}) {
        if (tail.ends_with(word)) return true;
    }
    return false;
}

// A number that is part of a date, an age range, a time or an ordinal, not a count.
bool is_not_a_count(std::u32string_view text, std::size_t begin, std::size_t end) {
    if (begin > 0 && (text[begin - 1] == U'/' || text[begin - 1] == U'第' || text[begin - 1] == U'-')) return true;
    std::size_t j = end;
    while (j < text.size() && is_space(text[j])) ++j;
    if (j >= text.size()) return false;
    const char32_t next = text[j];
    if (next == U'/' || next == U'年' || next == U'月' || next == U'日' || next == U'歲' || next == U'時' ||
        next == U'點' || next == U'號')
        return true;
    if ((next == U'至' || next == U'-' || next == U'~' || next == U'～') && j + 1 < text.size() &&
        (is_digit(text[j + 1]) || (text[j + 1] == U' ' && j + 2 < text.size() && is_digit(text[j + 2]))))
        return true;
    const std::string word = lower(text.substr(j, std::min<std::size_t>(12, text.size() - j)));
    return word.starts_with("year") || word.starts_with("-year") || word.starts_with("am") || word.starts_with("pm") ||
           word.starts_with("to ");
}

// English words after a number, up to a word that ends the noun phrase: the last that names a
// unit is what is counted ("18 parents' group sessions" counts sessions).
std::pair<std::optional<std::string>, std::string> english_unit_after(std::u32string_view text, std::size_t at) {
    static constexpr std::array<std::string_view, 16> stops{"of",  "for",   "with", "to",     "in",   "at",
                                                            "and", "by",    "were", "was",    "from", "through",
                                                            "who", "which", "on",   "reached"};
    std::optional<std::string> unit;
    std::string first;
    std::size_t i = at;
    for (int words = 0; words < 4; ++words) {
        while (i < text.size() && is_space(text[i])) ++i;
        std::size_t end = i;
        while (end < text.size() && (is_letter(text[end]) || text[end] == U'-' || text[end] == U'\'')) ++end;
        if (end == i) break;
        std::string word = lower(text.substr(i, end - i));
        while (!word.empty() && word.back() == '\'') word.pop_back();
        if (std::find(stops.begin(), stops.end(), word) != stops.end()) break;
        if (first.empty()) first = word;
        if (auto found = english_unit(word)) unit = found;
        i = end;
    }
    return {unit, first};
}

std::optional<std::string> english_unit_before(std::u32string_view clause) {
    std::optional<std::string> unit;
    std::size_t i = 0;
    while (i < clause.size()) {
        while (i < clause.size() && !is_letter(clause[i])) ++i;
        std::size_t end = i;
        while (end < clause.size() && (is_letter(clause[end]) || clause[end] == U'-')) ++end;
        if (end > i) {
            if (auto found = english_unit(lower(clause.substr(i, end - i)))) unit = found;
        }
        i = end;
    }
    return unit;
}

std::size_t clause_start(std::u32string_view text, std::size_t at) {
    while (at > 0 && !ends_clause(text, at - 1)) --at;
    return at;
}

std::size_t clause_end(std::u32string_view text, std::size_t at) {
    while (at < text.size() && !ends_clause(text, at)) ++at;
    return at;
}

std::vector<Token> tokens_of(std::u32string_view text) {
    std::vector<Token> tokens;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (!is_digit(text[i]) || (i > 0 && (is_digit(text[i - 1]) || is_letter(text[i - 1]) || text[i - 1] == U'.')))
            continue;
        Token token;
        token.begin = i;
        std::size_t j = i;
        while (j < text.size()) {
            if (is_digit(text[j])) {
                token.digits += static_cast<char>(text[j++]);
            } else if (text[j] == U',' && j + 3 < text.size() + 0 && is_digit(text[j + 1]) && is_digit(text[j + 2]) &&
                       is_digit(text[j + 3]) && (j + 4 >= text.size() || !is_digit(text[j + 4]))) {
                ++j;
            } else if (text[j] == U'.' && j + 1 < text.size() && is_digit(text[j + 1]) &&
                       token.digits.find('.') == std::string::npos) {
                token.digits += '.';
                ++j;
            } else {
                break;
            }
        }
        token.end = j;
        std::size_t k = j;
        while (k < text.size() && is_space(text[k])) ++k;
        if (k < text.size() && text[k] == U'%') {
            token.kind = Token::percent;
            std::size_t begin = i, end = k + 1;
            std::size_t b = begin;
            while (b > 0 && is_space(text[b - 1])) --b;
            std::size_t e = end;
            while (e < text.size() && is_space(text[e])) ++e;
            if (b > 0 && text[b - 1] == U'(' && e < text.size() && text[e] == U')') {
                begin = b - 1;
                end = e + 1;
            }
            token.begin = begin;
            token.end = end;
        } else if (is_not_a_count(text, i, j)) {
            i = j;
            continue;
        } else if (says_target(text.substr(clause_start(text, i), i - clause_start(text, i)))) {
            token.kind = Token::target;
            // The target's own measure word is part of it: "目標10次".
            if (const auto measure = chinese_measure_after(text.substr(j), U"")) token.end = j + measure->length;
        }
        tokens.push_back(token);
        i = std::max(i, token.end == 0 ? i : token.end - 1);
    }
    return tokens;
}

// What the figure at `token` counts: the measure word after it, or the noun before it.
void find_unit(std::u32string_view text, Token& token) {
    const std::size_t start = clause_start(text, token.begin);
    const std::u32string_view before = text.substr(start, token.begin - start);
    std::size_t at = token.end;
    while (at < text.size() && is_space(text[at])) ++at;
    const std::u32string_view after = text.substr(at);
    if (const auto measure = chinese_measure_after(after, before)) {
        token.unit = measure->unit;
        token.measure_begin = at;
        token.measure_end = at + measure->length;
        token.drop_measure = !measure->names_thing;
        return;
    }
    if (!after.empty() && is_letter(after.front())) {
        const auto [unit, word] = english_unit_after(text, at);
        if (unit) {
            token.unit = *unit;
            return;
        }
        if (auto back = english_unit_before(before)) {
            token.unit = *back;
            return;
        }
        token.problem_zh = fmt::format("不明的量詞「{}」（{} 之後）", word, token.digits);
        token.problem_en = fmt::format("unknown measure word '{}' after {}", word, token.digits);
        return;
    }
    if (const auto noun = chinese_measure_before(before)) {
        token.unit = noun->unit;
        return;
    }
    if (auto back = english_unit_before(before)) {
        token.unit = *back;
        return;
    }
    if (!after.empty() && is_cjk(after.front())) {
        const std::string word = encode(after.substr(0, std::min<std::size_t>(2, after.size())));
        token.problem_zh = fmt::format("不明的量詞「{}」（{} 之後）", word, token.digits);
        token.problem_en = fmt::format("unknown measure word '{}' after {}", word, token.digits);
        return;
    }
    token.problem_zh = fmt::format("數字 {} 沒有量詞，不知所計為何", token.digits);
    token.problem_en = fmt::format("the number {} has no measure word saying what it counts", token.digits);
}

// The words of a figure's description: its part of the sentence without the number, the
// percentage, a printed target and a bare classifier.
std::string describe(std::u32string_view text, std::size_t from, std::size_t to, const std::vector<Token>& tokens) {
    std::u32string out;
    for (std::size_t i = from; i < to;) {
        const auto inside = std::find_if(tokens.begin(), tokens.end(), [&](const Token& t) { return t.begin == i; });
        if (inside != tokens.end() && inside->end > i) {
            i = inside->end;
            if (inside->kind == Token::figure && inside->drop_measure && inside->measure_begin >= i)
                i = std::max(i, inside->measure_end);
            continue;
        }
        out.push_back(text[i++]);
    }
    std::u32string_view view = out;
    // Punctuation and joining words at the edges: "及", "並", "達" (總出席人次達140), "and".
    for (bool changed = true; changed;) {
        changed = false;
        view = trim(view);
        while (!view.empty() && (view.front() == U'，' || view.front() == U',' || view.front() == U'、' ||
                                 view.front() == U'及' || view.front() == U'並' || view.front() == U'(' ||
                                 view.front() == U')' || view.front() == U'：' || view.front() == U':')) {
            view.remove_prefix(1);
            changed = true;
        }
        while (!view.empty() &&
               (view.back() == U'。' || view.back() == U'，' || view.back() == U',' || view.back() == U'.' ||
                view.back() == U'達' || view.back() == U'為' || view.back() == U'(' || view.back() == U')' ||
                view.back() == U'；' || view.back() == U':' || view.back() == U'：')) {
            view.remove_suffix(1);
            changed = true;
        }
        if (view.starts_with(U"and ")) {
            view.remove_prefix(4);
            changed = true;
        }
    }
    // Spaces left where a number was taken out.
    std::u32string tidy;
    for (const char32_t c : view) {
        if (is_space(c) && (tidy.empty() || is_space(tidy.back()))) continue;
        tidy.push_back(is_space(c) ? U' ' : c);
    }
    // Between Chinese characters a space is only where the number stood.
    std::u32string joined;
    for (std::size_t i = 0; i < tidy.size(); ++i) {
        if (tidy[i] == U' ' && i > 0 && i + 1 < tidy.size() && (is_cjk(tidy[i - 1]) || is_cjk(tidy[i + 1]))) continue;
        joined.push_back(tidy[i]);
    }
    return encode(joined);
}

// --- the reader -------------------------------------------------------------------------------

struct Item {
    std::string code;  // as printed, or its place in the list
    std::u32string text;
    std::vector<std::pair<std::size_t, int>> lines;  // where each line's text begins
    int line() const { return lines.front().second; }
    int line_at(std::size_t at) const {
        int found = lines.front().second;
        for (const auto& [offset, number] : lines) {
            if (offset <= at) found = number;
        }
        return found;
    }
    void append(const Line& line) {
        // "2,\n150" is a number broken at its thousands separator.
        const bool broken_number = text.size() > 1 && text.back() == U',' && is_digit(text[text.size() - 2]) &&
                                   !line.text.empty() && is_digit(line.text.front());
        if (!text.empty() && !line.text.empty() && !is_cjk(text.back()) && !is_cjk(line.text.front()) &&
            text.back() != U'(' && line.text.front() != U')' && line.text.front() != U'%' && !broken_number)
            text.push_back(U' ');
        lines.emplace_back(text.size(), line.number);
        text += line.text;
    }
};

// "1A." "2." "(3)" "1B)" at the start of a line: an output's number.
std::optional<std::pair<std::string, std::size_t>> item_code(std::u32string_view text) {
    std::size_t i = 0;
    const bool bracket = !text.empty() && text[0] == U'(';
    if (bracket) ++i;
    const std::size_t start = i;
    while (i < text.size() && is_digit(text[i]) && i - start < 3) ++i;
    if (i == start) return std::nullopt;
    if (i < text.size() && is_letter(text[i]) && (i + 1 >= text.size() || !is_letter(text[i + 1]))) ++i;
    const std::size_t end = i;
    if (i >= text.size()) return std::nullopt;
    const char32_t mark = text[i];
    if (bracket ? mark != U')' : (mark != U'.' && mark != U')' && mark != U'、' && mark != U'：' && mark != U':'))
        return std::nullopt;
    ++i;
    if (i < text.size() && is_digit(text[i])) return std::nullopt;  // "2.5 hours"
    std::string code = encode(text.substr(start, end - start));
    for (char& c : code) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return std::make_pair(code, i);
}

bool is_note(std::u32string_view text) {
    const std::string start = lower(text.substr(0, std::min<std::size_t>(8, text.size())));
    return text.starts_with(U"註") || text.starts_with(U"備註") || text.starts_with(U"*") ||
           start.starts_with("note") || start.starts_with("remark");
}

class Reader {
  public:
    explicit Reader(std::vector<Line> lines) : lines_(std::move(lines)) {}

    ProgrammeReportText read() {
        Section section = Section::head;
        std::vector<const Line*> head;
        for (const auto& line : lines_) {
            if (line.text.empty()) continue;
            if (line.furniture) {
                leave_out(line);
                continue;
            }
            if (const auto heading = heading_of(line.text)) {
                finish_item();
                section = *heading;
                seen_headings_ = true;
                continue;
            }
            switch (section) {
                case Section::head:
                    head.push_back(&line);
                    break;
                case Section::objectives:
                    objective(line);
                    break;
                case Section::outputs:
                    output_line(line);
                    break;
                case Section::outcomes:
                    outcome_line(line);
                    break;
                case Section::other:
                    leave_out(line);
                    break;
            }
            if (section == Section::outputs || section == Section::outcomes) english_ = english_ && !has_cjk(line.text);
        }
        finish_item();
        read_head(head);
        for (const auto& item : outputs_) read_output(item);
        for (const auto& item : outcomes_) read_outcome(item);
        result_.english = english_;
        result_.objectives = english_ ? Bilingual{objectives_, objectives_} : Bilingual{objectives_, ""};
        check_codes();
        return std::move(result_);
    }

    bool any_section() const { return seen_headings_; }

  private:
    void error(int line, std::string zh, std::string en) {
        result_.errors.push_back({line, {std::move(zh), std::move(en)}});
    }

    void leave_out(const Line& line) {
        const std::string text = encode(line.text);
        result_.left_out.push_back(
            {line.number, {fmt::format("未能理解：{}", text), fmt::format("not understood: {}", text)}});
    }

    // --- head: the programme's name and period
    void read_head(const std::vector<const Line*>& head) {
        const Line* period_line = nullptr;
        std::vector<FoundDate> dates;
        for (const Line* line : head) {
            auto found = dates_in(line->text);
            if (found.size() >= 2) {
                period_line = line;
                dates = std::move(found);
                break;
            }
        }
        std::u32string name;
        std::vector<const Line*> used;
        if (period_line) {
            result_.period_start = dates[0].iso;
            result_.period_end = dates[1].iso;
            used.push_back(period_line);
            name = strip_label(trim(std::u32string_view(period_line->text).substr(0, dates[0].begin)));
        } else {
            for (const Line* line : head) {
                if (const auto year = financial_year_in(line->text)) {
                    result_.period_start = year->first;
                    result_.period_end = year->second;
                    used.push_back(line);
                    break;
                }
            }
        }
        if (name.empty()) {
            for (const Line* line : head) {
                if (std::find(used.begin(), used.end(), line) != used.end()) continue;
                name = strip_label(line->text);
                used.push_back(line);
                break;
            }
        }
        for (const Line* line : head) {
            if (std::find(used.begin(), used.end(), line) == used.end()) leave_out(*line);
        }
        result_.name = split_name(name);
        if (result_.name.zh.empty()) {
            error(head.empty() ? 1 : head.front()->number, "報告開首找不到計劃名稱",
                  "the report's head gives no programme name");
        }
        if (result_.period_start.empty()) {
            error(head.empty() ? 1 : head.front()->number,
                  "報告開首找不到計劃期間（例如 01/04/2023 – 31/03/2025 或 2023-24）",
                  "the report's head gives no period (such as 01/04/2023 – 31/03/2025 or 2023-24)");
        } else if (result_.period_end < result_.period_start) {
            error(period_line ? period_line->number : 1, "計劃期間的結束日期早於開始日期",
                  "the programme's period ends before it starts");
        }
    }

    // "計劃名稱：X", "Programme: X", "X (" and the dash before a period come off.
    static std::u32string strip_label(std::u32string_view text) {
        for (const std::u32string_view label : {U"計劃名稱", U"項目名稱", U"計劃", U"Programme name", U"Programme",
                                                U"Project name", U"Project", U"Name"}) {
            if (text.starts_with(label)) {
                std::u32string_view rest = trim(text.substr(label.size()));
                if (!rest.empty() && (rest.front() == U':' || rest.front() == U'：')) {
                    text = trim(rest.substr(1));
                    break;
                }
            }
        }
        while (!text.empty() &&
               (text.back() == U'(' || text.back() == U'-' || text.back() == U'–' || text.back() == U'：' ||
                text.back() == U':' || text.back() == U',' || text.back() == U'，' || is_space(text.back())))
            text.remove_suffix(1);
        for (const std::u32string_view label : {U"計劃期間", U"服務期間", U"Period", U"period"}) {
            if (text.ends_with(label)) text = trim(text.substr(0, text.size() - label.size()));
        }
        while (!text.empty() && (text.back() == U'：' || text.back() == U':' || is_space(text.back())))
            text.remove_suffix(1);
        return std::u32string(text);
    }

    // "同行新路計劃 Walking a New Road Together": the Chinese part and the English part.
    static Bilingual split_name(std::u32string_view name) {
        const auto first = std::find_if(name.begin(), name.end(), is_cjk);
        if (first == name.end()) return {encode(name), encode(name)};
        const auto last = std::find_if(name.rbegin(), name.rend(), is_cjk).base();
        const std::u32string_view before = trim(name.substr(0, static_cast<std::size_t>(first - name.begin())));
        const std::u32string_view after = trim(name.substr(static_cast<std::size_t>(last - name.begin())));
        const auto lettered = [](std::u32string_view part) { return std::any_of(part.begin(), part.end(), is_letter); };
        if (lettered(before) && !lettered(after))
            return {encode(trim(name.substr(static_cast<std::size_t>(first - name.begin())))), encode(before)};
        if (lettered(after) && !lettered(before))
            return {encode(trim(name.substr(0, static_cast<std::size_t>(last - name.begin())))), encode(after)};
        return {encode(name), ""};
    }

    // --- objectives: kept as the programme's objectives, numbered as printed, broken lines joined
    void objective(const Line& line) {
        const bool bare_number =
            std::all_of(line.text.begin(), line.text.end(), [](char32_t c) { return is_digit(c) || c == U'.'; });
        if (bare_number) {
            objective_number_ = encode(line.text);
            if (!objective_number_.ends_with(".")) objective_number_ += ".";
            return;
        }
        const bool starts_one = line.bulleted || !objective_number_.empty() || item_code(line.text).has_value();
        if (!objectives_.empty() && !starts_one) {
            if (!is_cjk(decode(objectives_).back()) && !is_cjk(line.text.front())) objectives_ += " ";
            objectives_ += encode(line.text);
            return;
        }
        if (!objectives_.empty()) objectives_ += "\n";
        if (!objective_number_.empty()) objectives_ += objective_number_ + " ";
        objectives_ += encode(line.text);
        objective_number_.clear();
    }

    // --- outputs: numbered sentences, broken over lines
    void output_line(const Line& line) {
        if (is_note(line.text)) {
            finish_item();
            leave_out(line);
            return;
        }
        if (const auto code = item_code(line.text)) {
            finish_item();
            current_ = Item{code->first, {}, {}};
            current_->append(
                Line{line.number, std::u32string(trim(std::u32string_view(line.text).substr(code->second))), false});
            current_is_outcome_ = false;
            return;
        }
        if (line.bulleted) {
            finish_item();
            current_ = Item{std::to_string(outputs_.size() + 1), {}, {}};
            current_->append(line);
            current_is_outcome_ = false;
            return;
        }
        if (current_) {
            current_->append(line);
            return;
        }
        leave_out(line);
    }

    static std::size_t percent_count(std::u32string_view text) {
        std::size_t count = 0;
        for (std::size_t i = 0; i < text.size(); ++i) {
            if (text[i] == U'%' && i > 0 && (is_digit(text[i - 1]) || is_space(text[i - 1]))) ++count;
        }
        return count;
    }

    // --- outcomes: rows of expected target and achieved
    void outcome_line(const Line& line) {
        if (is_note(line.text)) {
            finish_item();
            leave_out(line);
            return;
        }
        const bool only_percent = percent_count(line.text) == 1 && !has_cjk(line.text) &&
                                  !std::any_of(line.text.begin(), line.text.end(), is_letter);
        const bool starts_row = line.bulleted || item_code(line.text).has_value() ||
                                (is_digit(line.text.front()) && percent_count(line.text) > 0) ||
                                (line.text.starts_with(U"O") && line.text.size() > 1 && is_digit(line.text[1]));
        if (current_ && current_is_outcome_ && only_percent && percent_count(current_->text) < 2) {
            current_->append(line);
            return;
        }
        if (starts_row) {
            finish_item();
            current_ = Item{"", {}, {}};
            std::u32string_view text = line.text;
            if (text.starts_with(U"O") && text.size() > 1 && is_digit(text[1])) text.remove_prefix(1);
            if (const auto code = item_code(text);
                code && !(code->second < text.size() && text[code->second - 1] == U'%'))
                text = trim(text.substr(code->second));
            current_->append(Line{line.number, std::u32string(text), false});
            current_is_outcome_ = true;
            return;
        }
        if (current_ && current_is_outcome_ && percent_count(current_->text) < 2) {
            current_->append(line);
            return;
        }
        // The table's own header: 預期目標 / 達致成效, Expected target / Achieved.
        const std::string words = lower(line.text);
        if (percent_count(line.text) == 0 &&
            (words.find("目標") != std::string::npos || words.find("成效") != std::string::npos ||
             words.find("target") != std::string::npos || words.find("achieve") != std::string::npos)) {
            finish_item();
            return;
        }
        finish_item();
        leave_out(line);
    }

    void finish_item() {
        if (!current_) return;
        (current_is_outcome_ ? outcomes_ : outputs_).push_back(std::move(*current_));
        current_.reset();
    }

    // Finds each figure's unit and binds each percentage and printed target to the figure before
    // it. Returns the figures' token indexes; reports what does not fit and returns none then.
    std::vector<int> bind_figures(const Item& item, std::vector<Token>& tokens) {
        const std::u32string_view text = item.text;
        std::vector<int> figures;
        bool ok = true;
        const auto problem = [&](std::size_t at, const std::string& zh, const std::string& en) {
            error(item.line_at(at), fmt::format("{}：{}", item.code, zh), fmt::format("{}: {}", item.code, en));
            ok = false;
        };
        for (std::size_t i = 0; i < tokens.size(); ++i) {
            Token& token = tokens[i];
            if (token.kind == Token::figure) {
                find_unit(text, token);
                if (!token.problem_en.empty()) problem(token.begin, token.problem_zh, token.problem_en);
                figures.push_back(static_cast<int>(i));
                continue;
            }
            const bool percent = token.kind == Token::percent;
            const std::string what = percent ? token.digits + "%" : token.digits;
            if (figures.empty()) {
                problem(token.begin, fmt::format("{} 之前沒有可對應的數字", what),
                        fmt::format("{} follows no figure it could belong to", what));
                continue;
            }
            Token& owner = tokens[static_cast<std::size_t>(figures.back())];
            int& slot = percent ? owner.percent_at : owner.printed_target;
            if (slot >= 0) {
                problem(token.begin, fmt::format("{} 有兩個{}（{}）", owner.digits, percent ? "百分比" : "目標", what),
                        fmt::format("{} has two {} ({})", owner.digits, percent ? "percentages" : "targets", what));
                continue;
            }
            slot = static_cast<int>(i);
        }
        if (figures.empty() && ok) {
            problem(0, "句中沒有帶量詞的數字", "the sentence has no figure with a measure word");
        }
        return ok ? figures : std::vector<int>{};
    }

    // Each figure's words: its part of the sentence, from the end of the previous figure's part to
    // its own percentage (to the clause's end for the clause's last figure). Where a figure's words
    // run on past its percentage ("為25名(125%)家長提供…"), the next figure's part begins after them.
    static std::vector<std::string> figure_descriptions(std::u32string_view text, const std::vector<Token>& tokens,
                                                        const std::vector<int>& figures) {
        const auto figure = [&](std::size_t f) -> const Token& { return tokens[static_cast<std::size_t>(figures[f])]; };
        std::vector<std::string> descriptions(figures.size());
        std::size_t previous_end = 0, consumed = 0;
        for (std::size_t f = 0; f < figures.size(); ++f) {
            const Token& token = figure(f);
            const std::size_t from = std::max({previous_end, consumed, clause_start(text, token.begin)});
            std::size_t to = std::max(token.end, token.measure_end);
            if (token.percent_at >= 0) to = std::max(to, tokens[static_cast<std::size_t>(token.percent_at)].end);
            if (token.printed_target >= 0)
                to = std::max(to, tokens[static_cast<std::size_t>(token.printed_target)].end);
            const bool last_in_clause = f + 1 == figures.size() || clause_end(text, token.begin) <= figure(f + 1).begin;
            if (last_in_clause) to = std::max(to, clause_end(text, to));
            previous_end = to;
            descriptions[f] = describe(text, from, std::max(from, to), tokens);
            if (decode(descriptions[f]).size() < 2 && f + 1 < figures.size()) {
                consumed = figure(f + 1).begin;
                descriptions[f] = describe(text, from, consumed, tokens);
            }
        }
        return descriptions;
    }

    // The figure's target: printed (and its percentage checked), inferred from its percentage, or
    // not stated. False when a percentage fits no whole-number target.
    bool settle_target(ReportIndicator& indicator, const Token& token, const std::vector<Token>& tokens) {
        if (token.percent_at >= 0)
            indicator.printed_percent = tokens[static_cast<std::size_t>(token.percent_at)].digits;
        if (token.printed_target >= 0) {
            const Token& target = tokens[static_cast<std::size_t>(token.printed_target)];
            indicator.target = value_of(target.digits);
            indicator.target_source = TargetSource::printed;
            if (!indicator.printed_percent.empty() &&
                !percentage_follows(token.digits, *indicator.target, indicator.printed_percent)) {
                result_.mismatches.push_back(
                    {indicator.line,
                     {fmt::format("{}：{} ÷ 目標 {} 不等於所印的 {}%", indicator.code, token.digits, target.digits,
                                  indicator.printed_percent),
                      fmt::format("{}: {} of a target of {} is not the printed {}%", indicator.code, token.digits,
                                  target.digits, indicator.printed_percent)}});
            }
            return true;
        }
        if (indicator.printed_percent.empty()) return true;  // target not stated
        const InferredTarget inferred = infer_target(token.digits, indicator.printed_percent);
        indicator.fits = inferred.fits;
        if (!inferred.target) {
            error(indicator.line,
                  fmt::format("{}：沒有整數目標能使 {} 成為 {}%；請在報告中寫明目標", indicator.code, token.digits,
                              indicator.printed_percent),
                  fmt::format("{}: no whole-number target makes {} come to {}%; state the target in the report",
                              indicator.code, token.digits, indicator.printed_percent));
            return false;
        }
        indicator.target = static_cast<double>(*inferred.target);
        indicator.target_source = TargetSource::inferred;
        return true;
    }

    void read_output(const Item& item) {
        std::vector<Token> tokens = tokens_of(item.text);
        const std::vector<int> figures = bind_figures(item, tokens);
        if (figures.empty()) return;
        const std::vector<std::string> descriptions = figure_descriptions(item.text, tokens, figures);
        // Codes: one figure keeps the item's number; else the figures with a percentage are lettered
        // in order, and those without take the letters after them.
        std::vector<std::size_t> order;
        for (std::size_t f = 0; f < figures.size(); ++f)
            if (tokens[static_cast<std::size_t>(figures[f])].percent_at >= 0) order.push_back(f);
        for (std::size_t f = 0; f < figures.size(); ++f)
            if (tokens[static_cast<std::size_t>(figures[f])].percent_at < 0) order.push_back(f);
        for (std::size_t n = 0; n < order.size(); ++n) {
            const std::size_t f = order[n];
            const Token& token = tokens[static_cast<std::size_t>(figures[f])];
            ReportIndicator indicator;
            indicator.line = item.line_at(token.begin);
            indicator.code =
                figures.size() == 1 ? item.code : fmt::format("{}-{}", item.code, static_cast<char>('a' + n));
            indicator.kind = IndicatorKind::output;
            indicator.description =
                english_ ? Bilingual{descriptions[f], descriptions[f]} : Bilingual{descriptions[f], ""};
            indicator.unit = token.unit;
            indicator.actual = value_of(token.digits);
            if (settle_target(indicator, token, tokens)) result_.indicators.push_back(std::move(indicator));
        }
        check_totals(item, item.text, tokens, figures, order);
    }

    // "合共", "total": a figure that says it is the sum of the figures before it in the same unit.
    static bool says_total(std::u32string_view before) {
        for (const std::u32string_view word : {U"合共", U"共", U"總共", U"總計", U"合計", U"總數"}) {
            if (before.find(word) != std::u32string_view::npos) return true;
        }
        const std::string words = lower(before);
        return words.find("total") != std::string::npos || words.find("altogether") != std::string::npos;
    }

    // Where a sentence prints a total of two or more figures before it in the same unit, the
    // total must be their sum; one that is not is listed with the percentages that do not follow.
    void check_totals(const Item& item, std::u32string_view text, const std::vector<Token>& tokens,
                      const std::vector<int>& figures, const std::vector<std::size_t>& order) {
        const auto code_of = [&](std::size_t f) {
            const auto at = std::find(order.begin(), order.end(), f);
            const auto letter = static_cast<char>('a' + (at - order.begin()));
            return figures.size() == 1 ? item.code : fmt::format("{}-{}", item.code, letter);
        };
        for (std::size_t f = 1; f < figures.size(); ++f) {
            const Token& total = tokens[static_cast<std::size_t>(figures[f])];
            const std::size_t start = clause_start(text, total.begin);
            if (!says_total(text.substr(start, total.begin - start))) continue;
            double sum = 0;
            int parts = 0;
            std::string listed;
            for (std::size_t e = 0; e < f; ++e) {
                const Token& part = tokens[static_cast<std::size_t>(figures[e])];
                if (part.unit != total.unit) continue;
                sum += value_of(part.digits);
                ++parts;
                listed += (listed.empty() ? "" : " + ") + part.digits;
            }
            if (parts < 2 || std::fabs(sum - value_of(total.digits)) < 1e-9) continue;
            result_.mismatches.push_back(
                {item.line_at(total.begin),
                 {fmt::format("{}：合共 {}，但之前的 {} 相加為 {}", code_of(f), total.digits, listed,
                              format_number(sum)),
                  fmt::format("{}: the total {} is not the sum of the figures before it ({} = {})", code_of(f),
                              total.digits, listed, format_number(sum))}});
        }
    }

    void read_outcome(const Item& item) {
        const std::u32string_view text = item.text;
        std::vector<Token> percents;
        for (auto& token : tokens_of(text))
            if (token.kind == Token::percent) percents.push_back(token);
        if (percents.size() < 2) {
            const std::string row = encode(text);
            error(item.line(),
                  fmt::format("成效指標一行應有預期目標及達致成效兩個百分比，實有 {} 個：{}", percents.size(), row),
                  fmt::format("an outcome row needs an expected and an achieved percentage, found {}: {}",
                              percents.size(), row));
            return;
        }
        ReportIndicator indicator;
        indicator.line = item.line();
        indicator.code = fmt::format("O{}", ++outcome_count_);
        indicator.kind = IndicatorKind::outcome;
        std::u32string words;
        for (std::size_t i = 0; i < text.size();) {
            const auto at =
                std::find_if(percents.begin(), percents.end(), [&](const Token& t) { return t.begin == i; });
            if (at != percents.end()) {
                words.push_back(U' ');
                i = at->end;
                continue;
            }
            words.push_back(text[i++]);
        }
        std::u32string_view view = trim(words);
        if (view.starts_with(U"of ")) view = trim(view.substr(3));
        const std::string description = describe(view, 0, view.size(), {});
        indicator.description = english_ ? Bilingual{description, description} : Bilingual{description, ""};
        indicator.unit = "percent";
        indicator.target = value_of(percents.front().digits);
        indicator.target_source = TargetSource::printed;
        indicator.actual = value_of(percents.back().digits);
        indicator.printed_percent = percents.back().digits;
        result_.indicators.push_back(std::move(indicator));
    }

    void check_codes() {
        for (std::size_t i = 0; i < result_.indicators.size(); ++i) {
            for (std::size_t j = 0; j < i; ++j) {
                if (result_.indicators[i].code != result_.indicators[j].code) continue;
                const auto& twice = result_.indicators[i];
                error(twice.line,
                      fmt::format("指標代號 {} 重複（第 {} 行已用）", twice.code, result_.indicators[j].line),
                      fmt::format("indicator code {} appears twice (also line {})", twice.code,
                                  result_.indicators[j].line));
            }
        }
        std::stable_sort(result_.errors.begin(), result_.errors.end(),
                         [](const ReportNote& a, const ReportNote& b) { return a.line < b.line; });
    }

    std::vector<Line> lines_;
    ProgrammeReportText result_;
    std::vector<Item> outputs_, outcomes_;
    std::optional<Item> current_;
    bool current_is_outcome_ = false;
    bool english_ = true;
    bool seen_headings_ = false;
    int outcome_count_ = 0;
    std::string objectives_, objective_number_;
};

[[noreturn]] void unreadable(const std::string& zh, const std::string& en) {
    throw InvalidInput({fmt::format("無法讀取報告：{}", zh), fmt::format("cannot read the report: {}", en)});
}

}  // namespace

ProgrammeReportText read_programme_report(std::string_view text) {
    if (text.size() > report_largest_text) {
        unreadable(fmt::format("有 {} 位元組，超過上限 {} 位元組", text.size(), report_largest_text),
                   fmt::format("it is {} bytes, more than the limit of {} bytes", text.size(), report_largest_text));
    }
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    if (text.find_first_not_of(" \t\r\n\f") == std::string_view::npos) unreadable("檔案沒有文字", "it has no text");
    if (const auto nul = text.find('\0'); nul != std::string_view::npos) {
        unreadable(fmt::format("不是文字檔（第 {} 位元組為二進位資料）", nul),
                   fmt::format("not a text file (binary data at byte {})", nul));
    }
    if (!plugins::is_valid_utf8(text))
        unreadable("不是 UTF-8 文字；請先轉為 UTF-8", "not UTF-8 text; convert it to UTF-8 first");

    std::vector<Line> lines;
    int number = 0;
    std::size_t start = 0;
    while (start <= text.size()) {
        auto end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        Line line;
        line.number = ++number;
        for (const char32_t c : decode(text.substr(start, end - start))) {
            if (c == U'\f') continue;  // page breaks from pdftotext-like extraction
            line.text.push_back(normalise(c));
        }
        std::u32string_view view = trim(line.text);
        line.furniture = is_page_furniture(view);
        if (!view.empty() && (is_bullet(view.front()) || ((view.front() == U'-' || view.front() == U'*') &&
                                                          view.size() > 1 && is_space(view[1])))) {
            line.bulleted = true;
            view = trim(view.substr(1));
        }
        line.text = std::u32string(view);
        lines.push_back(std::move(line));
        start = end + 1;
    }

    Reader reader(std::move(lines));
    ProgrammeReportText report = reader.read();
    if (!reader.any_section()) {
        unreadable("找不到「成果指標」或「成效指標」部分（英文報告：Output indicators、Outcome indicators）",
                   "it has no 成果指標 or 成效指標 part (in English: Output indicators, Outcome indicators)");
    }
    if (report.indicators.empty() && report.errors.empty()) {
        unreadable("成果指標及成效指標部分沒有任何指標", "its output and outcome parts hold no indicators");
    }
    return report;
}

}  // namespace dplan
