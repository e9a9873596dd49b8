// Financial years run 1 April - 31 March and are written "2024-25".
#pragma once

#include <string_view>

namespace dplan {

// True for "YYYY-YY" where the second year follows the first ("2024-25", "1999-00").
bool is_financial_year(std::string_view text);

// Throws InvalidInput naming the expected form when `text` is not a financial year.
void require_financial_year(std::string_view text);

}  // namespace dplan
