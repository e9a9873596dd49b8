// Financial years run 1 April - 31 March and are written "2024-25".
#pragma once

#include <string>
#include <string_view>

namespace dplan {

// True for "YYYY-YY" where the second year follows the first ("2024-25", "1999-00").
bool is_financial_year(std::string_view text);

// Throws InvalidInput naming the expected form when `text` is not a financial year.
void require_financial_year(std::string_view text);

// The financial year a YYYY-MM-DD date falls in: 2025-03-31 -> "2024-25", 2025-04-01 -> "2025-26".
std::string financial_year_of(std::string_view iso_date);

}  // namespace dplan
