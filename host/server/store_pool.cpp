#include "server/store_pool.hpp"

namespace dplan::server {

StorePool::StorePool(const std::string& url, const std::optional<std::filesystem::path>& option_file,
                     const plugins::LoaderOptions& plugin_options, std::size_t size, ReadCache* cache) {
    for (std::size_t i = 0; i < size; ++i) {
        idle_.push_back({Store::open(url, OpenMode::must_exist, option_file),
                         std::make_unique<plugins::PluginRegistry>(plugins::PluginRegistry::load(plugin_options))});
        if (cache != nullptr) idle_.back().store.report_writes_to(cache->generation());
        idle_.back().store.share_write_group(write_group_);
    }
}

StorePool::Lease StorePool::borrow() {
    std::unique_lock lock(mutex_);
    returned_.wait(lock, [this] { return !idle_.empty(); });
    Connection connection = std::move(idle_.back());
    idle_.pop_back();
    return Lease(*this, std::move(connection));
}

StorePool::Lease::~Lease() {
    if (!pool_ || !connection_) return;
    {
        std::lock_guard lock(pool_->mutex_);
        pool_->idle_.push_back(std::move(*connection_));
    }
    pool_->returned_.notify_one();
}

}  // namespace dplan::server
