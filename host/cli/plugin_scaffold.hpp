// `dplan plugin new`: a working plugin project for an NGO author to start from.
#pragma once

#include <filesystem>
#include <string>

#include "domain/bilingual.hpp"

namespace dplan::cli {

// Writes CMakeLists.txt, plugin.json, plugin.cpp, plugin_test.cpp (with the SDK's test harness)
// and README.md into `directory`, which must not exist or be empty. The project builds against
// an installed SDK (find_package(DistrictPlannerSDK)). Throws InvalidInput for a bad id or names,
// or a folder in use.
void write_plugin_project(const std::filesystem::path& directory, const std::string& id, const Bilingual& name);

}  // namespace dplan::cli
