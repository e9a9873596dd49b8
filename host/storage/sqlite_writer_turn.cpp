#include "storage/sqlite_writer_turn.hpp"

#include <map>

namespace dplan {

SqliteWriterTurn::Held SqliteWriterTurn::take(std::chrono::steady_clock::duration wait) {
    std::unique_lock lock(mutex_);
    if (!given_back_.wait_for(lock, wait, [this] { return !taken_; })) return {};
    taken_ = true;
    return Held(*this);
}

void SqliteWriterTurn::give_back() {
    {
        std::lock_guard lock(mutex_);
        taken_ = false;
    }
    given_back_.notify_one();
}

std::shared_ptr<SqliteWriterTurn> sqlite_writer_turn(const std::filesystem::path& file) {
    static std::mutex registry_mutex;
    static std::map<std::filesystem::path, std::weak_ptr<SqliteWriterTurn>> registry;
    std::error_code ec;
    auto key = std::filesystem::weakly_canonical(file, ec);
    if (ec) key = std::filesystem::absolute(file);
    std::lock_guard lock(registry_mutex);
    std::erase_if(registry, [](const auto& entry) { return entry.second.expired(); });
    auto& slot = registry[key];
    auto turn = slot.lock();
    if (!turn) {
        turn = std::make_shared<SqliteWriterTurn>();
        slot = turn;
    }
    return turn;
}

}  // namespace dplan
