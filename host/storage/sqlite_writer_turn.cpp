#include "storage/sqlite_writer_turn.hpp"

#include <map>

namespace dplan {

std::shared_ptr<std::timed_mutex> sqlite_writer_turn(const std::filesystem::path& file) {
    static std::mutex registry_mutex;
    static std::map<std::filesystem::path, std::weak_ptr<std::timed_mutex>> registry;
    std::error_code ec;
    auto key = std::filesystem::weakly_canonical(file, ec);
    if (ec) key = std::filesystem::absolute(file);
    std::lock_guard lock(registry_mutex);
    std::erase_if(registry, [](const auto& entry) { return entry.second.expired(); });
    auto& slot = registry[key];
    auto turn = slot.lock();
    if (!turn) {
        turn = std::make_shared<std::timed_mutex>();
        slot = turn;
    }
    return turn;
}

}  // namespace dplan
