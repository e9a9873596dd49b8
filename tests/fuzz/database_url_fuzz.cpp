// --db URL: any text is a URL or a clear InvalidInput, never a crash.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "domain/database_url.hpp"
#include "domain/error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    try {
        dplan::parse_database_url(std::string_view(reinterpret_cast<const char*>(data), size)).redacted();
    } catch (const dplan::InvalidInput&) {
    }
    return 0;
}
