// `plan import FILE.json`: any bytes are a plan or a clear InvalidInput; a plan that reads writes
// back to JSON that reads as the same plan.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "domain/error.hpp"
#include "domain/plan_json.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    dplan::Plan plan;
    try {
        plan = dplan::plan_from_json(std::string_view(reinterpret_cast<const char*>(data), size));
    } catch (const dplan::InvalidInput&) {
        return 0;
    }
    const std::string written = dplan::plan_to_json(plan);
    if (dplan::plan_to_json(dplan::plan_from_json(written)) != written) std::abort();  // not lossless
    return 0;
}
