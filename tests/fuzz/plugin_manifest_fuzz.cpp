// plugin.json, parsed before any of a plugin's code runs: any bytes are a manifest or a clear
// InvalidInput. The loader reads the file once and parses those bytes, as this target does.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string_view>

#include "domain/error.hpp"
#include "plugins/manifest.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const std::filesystem::path directory = "/nonexistent/dplan-fuzz-plugin";
    try {
        dplan::plugins::parse_manifest(directory, std::string_view(reinterpret_cast<const char*>(data), size));
    } catch (const dplan::InvalidInput&) {
    }
    return 0;
}
