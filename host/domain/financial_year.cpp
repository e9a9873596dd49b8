#include "domain/financial_year.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "domain/error.hpp"

namespace dplan {

bool is_financial_year(std::string_view text) {
    if (text.size() != 7 || text[4] != '-') return false;
    auto digits = [](std::string_view part) {
        return std::all_of(part.begin(), part.end(),
                           [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
    };
    if (!digits(text.substr(0, 4)) || !digits(text.substr(5, 2))) return false;
    const int first = std::stoi(std::string(text.substr(0, 4)));
    const int second = std::stoi(std::string(text.substr(5, 2)));
    return (first + 1) % 100 == second;
}

void require_financial_year(std::string_view text) {
    if (is_financial_year(text)) return;
    throw InvalidInput({fmt::format("財政年度「{}」格式不正確，應為「2024-25」的形式", text),
                        fmt::format("financial year '{}' is not valid; expected the form 2024-25 "
                                    "(start year, dash, the next year's last two digits)",
                                    text)});
}

std::string financial_year_of(std::string_view iso_date) {
    const int year = std::stoi(std::string(iso_date.substr(0, 4)));
    const int first = iso_date.substr(5, 2) >= "04" ? year : year - 1;
    return fmt::format("{}-{:02}", first, (first + 1) % 100);
}

}  // namespace dplan
