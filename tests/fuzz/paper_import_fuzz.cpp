// `plan import` of a text paper: any bytes are either a paper or a clear InvalidInput, never a
// crash, a hang or a stack overflow.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "domain/error.hpp"
#include "services/paper_import.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const std::vector<dplan::AreaHeadings> areas{
        {"family", {"家庭及兒童福利服務", "Family and child welfare services"}},
        {"elderly", {"安老服務", "Elderly services"}},
        {"rehabilitation", {"康復服務", "Rehabilitation services"}},
        {"youth", {"青少年服務", "Youth services"}},
        {"volunteer", {"義工服務", "Volunteer services"}},
    };
    try {
        dplan::import_paper_text(std::string_view(reinterpret_cast<const char*>(data), size), areas);
    } catch (const dplan::InvalidInput&) {
    }
    return 0;
}
