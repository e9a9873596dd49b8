// Files written all or nothing: exports (Markdown, HTML, JSON, iCalendar, PDF) and the dashboard's
// screenshots. The content goes to a temporary file in the target's folder, which is flushed to
// disk (fsync) and renamed over the target; the folder is flushed too, so the rename itself
// survives a crash. After a full disk, a killed process or a power cut the target is either the
// previous file or the complete new one, never half of either.
#pragma once

#include <filesystem>
#include <functional>
#include <string_view>

namespace dplan {

// `write` fills the temporary file named by its argument (it exists, empty; a writer may open it
// again with truncation). Throws StorageError when writing, flushing or renaming fails; whatever
// `write` throws is passed on. Either way the temporary file is removed and the target is left
// as it was.
void replace_file(const std::filesystem::path& target, const std::function<void(const std::filesystem::path&)>& write);

void replace_file(const std::filesystem::path& target, std::string_view contents);

}  // namespace dplan
