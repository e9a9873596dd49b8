// dplan serve: the collaboration server over the same services; dplan cert self-signed.
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <thread>

#include "cli/commands.hpp"
#include "server/api.hpp"
#include "server/http_server.hpp"
#include "server/self_signed_certificate.hpp"
#include "services/change_watcher.hpp"
#include "services/read_cache.hpp"

namespace dplan::cli {

namespace {

struct ServeOptions {
    std::string config_file, listen, tls_certificate, tls_private_key;
    std::size_t threads = 0;
};

void serve(CLI::App& root, Context& context, const ServeOptions& options) {
    server::ServerConfig config;
    config.database_url = context.options.database_url;
    if (!options.config_file.empty()) {
        server::read_server_config(options.config_file, config);
        // --db on the command line (or DPLAN_DB) wins over the file's db.
        if (root.get_option("--db")->count() > 0) config.database_url = context.options.database_url;
    }
    if (!options.listen.empty()) config.listen = options.listen;
    if (!options.tls_certificate.empty()) config.tls_certificate = options.tls_certificate;
    if (!options.tls_private_key.empty()) config.tls_private_key = options.tls_private_key;
    if (options.threads > 0) config.threads = options.threads;
    if (config.threads == 0) config.threads = std::max(2u, std::thread::hardware_concurrency());

    std::optional<std::filesystem::path> option_file;
    if (!context.options.option_file.empty()) option_file = context.options.option_file;
    std::optional<ReadCache> cache;
    std::optional<ChangeWatcher> watcher;
    if (config.change_check_interval.count() > 0) {
        cache.emplace();
        watcher.emplace(Store::open(config.database_url, OpenMode::must_exist, option_file), cache->generation(),
                        config.change_check_interval);
    }
    ReadCache* const cache_or_none = cache ? &*cache : nullptr;
    server::StorePool pool(config.database_url, option_file, context.loader_options(), config.threads, cache_or_none);
    server::Api api(pool, config.sign_in, cache_or_none, watcher ? &*watcher : nullptr);
    server::HttpServer http(config, api);
    const bool tls = !config.tls_certificate.empty();
    context.out << context.pick({fmt::format("協作伺服器於 {}://{} 運行（{} 條執行緒）；按 Ctrl+C 停止。",
                                             tls ? "https" : "http", config.listen, config.threads),
                                 fmt::format("Collaboration server on {}://{} ({} threads); Ctrl+C stops it.",
                                             tls ? "https" : "http", config.listen, config.threads)})
                << '\n'
                << fmt::format("port {}\n", http.port()) << std::flush;
    spdlog::info("serving on {} (port {}, {} threads)", config.listen, http.port(), config.threads);
    http.run();
    context.out << context.pick({"伺服器已停止。", "Server stopped."}) << '\n';
}

}  // namespace

void register_serve_command(CLI::App& app, Context& context) {
    auto options = std::make_shared<ServeOptions>();
    auto* serve_command = app.add_subcommand("serve", "Run the collaboration server (HTTP/JSON API) / 運行協作伺服器");
    serve_command->add_option("--config", options->config_file, "Settings file (INI; docs/server.md) / 設定檔")
        ->check(CLI::ExistingFile);
    serve_command->add_option("--listen", options->listen, "ADDRESS:PORT (default 127.0.0.1:8080) / 監聽位址");
    serve_command->add_option("--tls-cert", options->tls_certificate, "TLS certificate chain (PEM) / TLS 證書")
        ->check(CLI::ExistingFile);
    serve_command->add_option("--tls-key", options->tls_private_key, "TLS private key (PEM) / TLS 私鑰")
        ->check(CLI::ExistingFile);
    serve_command->add_option("--threads", options->threads, "Worker threads (default: one per core) / 執行緒數目");
    serve_command->callback([&app, &context, options] { serve(app, context, *options); });

    struct CertOptions {
        std::string certificate = "dplan-cert.pem", private_key = "dplan-key.pem";
        std::vector<std::string> names{"localhost", "127.0.0.1", "::1"};
        int days = 90;
    };
    auto cert_options = std::make_shared<CertOptions>();
    auto* cert = app.add_subcommand("cert", "TLS certificates / TLS 證書");
    cert->require_subcommand(1);
    auto* self_signed =
        cert->add_subcommand("self-signed", "A self-signed certificate for development / 開發用的自簽證書");
    self_signed->add_option("--cert", cert_options->certificate, "Certificate file to write / 證書檔")
        ->capture_default_str();
    self_signed->add_option("--key", cert_options->private_key, "Private key file to write (mode 0600) / 私鑰檔")
        ->capture_default_str();
    self_signed->add_option("--name", cert_options->names, "Host names and IP addresses (repeatable) / 主機名稱");
    self_signed->add_option("--days", cert_options->days, "Days valid / 有效日數")->capture_default_str();
    self_signed->callback([&context, cert_options] {
        server::write_self_signed_certificate(cert_options->certificate, cert_options->private_key, cert_options->names,
                                              cert_options->days);
        context.out << context.pick({fmt::format("已寫入自簽證書 {} 及私鑰 {}（只供開發；用戶端須以 --cacert 信任）。",
                                                 cert_options->certificate, cert_options->private_key),
                                     fmt::format("Wrote the self-signed certificate {} and key {} (development only; "
                                                 "clients must trust it with --cacert).",
                                                 cert_options->certificate, cert_options->private_key)})
                    << '\n';
    });
}

}  // namespace dplan::cli
