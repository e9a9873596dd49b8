// plugin.json, read before any of a plugin's code runs: any bytes are a manifest or a clear
// InvalidInput. The file is written to a folder of this process's own, as the loader reads it.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>

#include "domain/error.hpp"
#include "plugins/manifest.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const std::filesystem::path directory = [] {
        auto path = std::filesystem::temp_directory_path() / ("dplan-fuzz-manifest-" + std::to_string(getpid()));
        std::filesystem::create_directories(path);
        return path;
    }();
    std::ofstream(directory / "plugin.json", std::ios::binary | std::ios::trunc)
        .write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    try {
        dplan::plugins::read_manifest(directory);
    } catch (const dplan::InvalidInput&) {
    }
    return 0;
}
