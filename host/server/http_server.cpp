#include "server/http_server.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <atomic>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <boost/range/iterator_range.hpp>
#include <map>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "domain/error.hpp"
#include "server/request_target.hpp"

namespace dplan::server {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace ssl = asio::ssl;
using tcp = asio::ip::tcp;

namespace {

// What the server can close when it stops: a connection waiting for its next request.
class Connection {
  public:
    virtual ~Connection() = default;
    virtual void close_if_idle() = 0;
};

bool is_parse_error(const beast::error_code& ec) {
    return &ec.category() == &http::make_error_code(http::error::bad_method).category();
}

}  // namespace

class HttpServer::Impl {
  public:
    Impl(const ServerConfig& config, Api& api);
    ~Impl() { destroying_ = true; }

    void run();
    void stop();
    unsigned short port() const { return acceptor_.local_endpoint().port(); }

    const ServerConfig& config;
    Api& api;
    std::atomic<bool> stopping{false};
    std::atomic<bool> destroying_{false};
    std::atomic<std::size_t> open{0};

    void connection_closed(const std::string& peer);

  private:
    void accept();
    void begin_stop();
    template <typename Stream, typename... Arguments>
    void start(tcp::socket socket, Arguments&&... arguments);
    // Counts the connection; true when it is over the server's or this client's limit.
    bool over_limit(const std::string& peer);

    std::mutex connections_mutex_;
    std::vector<std::weak_ptr<Connection>> connections_;
    std::map<std::string, std::size_t> per_peer_;  // open connections by client address
    std::optional<ssl::context> tls_;
    asio::io_context io_;
    asio::strand<asio::io_context::executor_type> control_;
    tcp::acceptor acceptor_;
    asio::signal_set signals_;
    asio::steady_timer deadline_;
};

namespace {

template <typename Stream>
constexpr bool is_tls = !std::is_same_v<Stream, beast::tcp_stream>;

// One client connection: reads requests one after the other (keep-alive), answers each through
// the API, and enforces the limits. Runs on its own strand, so its steps never overlap.
template <typename Stream>
class Session : public Connection, public std::enable_shared_from_this<Session<Stream>> {
  public:
    template <typename... Arguments>
    Session(HttpServer::Impl& server, std::string peer, bool over_limit, Arguments&&... arguments)
        : server_(server),
          peer_(std::move(peer)),
          over_limit_(over_limit),
          stream_(std::forward<Arguments>(arguments)...),
          timer_(stream_.get_executor()) {}

    ~Session() override {
        if (!server_.destroying_) server_.connection_closed(peer_);
    }

    void start() {
        asio::dispatch(stream_.get_executor(), [self = this->shared_from_this()] { self->begin(); });
    }

    void close_if_idle() override {
        asio::post(stream_.get_executor(), [self = this->shared_from_this()] {
            if (self->idle_) beast::get_lowest_layer(self->stream_).cancel();
        });
    }

  private:
    void begin() {
        origin_ = peer_;
        if constexpr (is_tls<Stream>) {
            beast::get_lowest_layer(stream_).expires_after(server_.config.read_timeout);
            stream_.async_handshake(ssl::stream_base::server, [self = this->shared_from_this()](beast::error_code ec) {
                if (ec) return;  // not a TLS client, or it gave up: nothing to answer in
                self->read_header();
            });
        } else {
            read_header();
        }
    }

    // The header first, within the idle timeout (a kept-alive connection waits here); then the
    // body within the read timeout, so a client that trickles bytes cannot hold a worker.
    void read_header() {
        if (server_.stopping) return close();
        parser_.emplace();
        parser_->body_limit(server_.config.max_body_bytes);
        parser_->header_limit(static_cast<std::uint32_t>(server_.config.max_header_bytes));
        idle_ = true;
        beast::get_lowest_layer(stream_).expires_after(server_.config.idle_timeout);
        http::async_read_header(stream_, buffer_, *parser_,
                                [self = this->shared_from_this()](beast::error_code ec, std::size_t) {
                                    self->idle_ = false;
                                    if (ec) return self->read_failed(ec);
                                    self->received_at_ = std::chrono::steady_clock::now();
                                    if (!self->transfer_encoding_understood()) return;
                                    self->read_body();
                                });
    }

    // Only "chunked" (or none): a request with another transfer coding could be read one way here
    // and another way by a proxy in front, which is how requests are smuggled past it.
    bool transfer_encoding_understood() {
        const auto coding = parser_->get()[http::field::transfer_encoding];
        if (coding.empty() || beast::iequals(coding, "chunked")) return true;
        refuse(400, "unsupported_transfer_encoding",
               {"只接受 chunked 傳輸編碼", "only the chunked transfer coding is accepted"});
        return false;
    }

    void read_body() {
        beast::get_lowest_layer(stream_).expires_after(server_.config.read_timeout);
        http::async_read(stream_, buffer_, *parser_,
                         [self = this->shared_from_this()](beast::error_code ec, std::size_t) {
                             if (ec) return self->read_failed(ec);
                             self->answer();
                         });
    }

    void read_failed(const beast::error_code& ec) {
        if (ec == http::error::body_limit) {
            return refuse(
                413, "body_too_large",
                {fmt::format("請求內容超過上限 {} 位元組", server_.config.max_body_bytes),
                 fmt::format("the request body is larger than the limit of {} bytes", server_.config.max_body_bytes)});
        }
        if (ec == http::error::header_limit) {
            return refuse(431, "headers_too_large",
                          {fmt::format("請求標頭超過上限 {} 位元組", server_.config.max_header_bytes),
                           fmt::format("the request headers are larger than the limit of {} bytes",
                                       server_.config.max_header_bytes)});
        }
        if (is_parse_error(ec) && ec != http::error::end_of_stream && ec != http::error::partial_message) {
            return refuse(400, "bad_request",
                          {fmt::format("不是有效的 HTTP 請求（{}）", ec.message()),
                           fmt::format("not a valid HTTP request ({})", ec.message())});
        }
        close();  // the client left, timed out, or the server is stopping
    }

    // Answers an unreadable request and closes the connection.
    void refuse(int status, const std::string& code, const Bilingual& message) {
        keep_alive_ = false;
        write(error_response(status, code, message), 11);
    }

    ApiRequest api_request(const http::request<http::string_body>& message) const {
        ApiRequest request;
        request.method = std::string(message.method_string());
        const auto [path, query] = split_request_target({message.target().data(), message.target().size()});
        request.path = path;
        request.query = query;
        request.authorization = std::string(message[http::field::authorization]);
        request.if_match = std::string(message[http::field::if_match]);
        request.body = message.body();
        // Several header lines are one list (RFC 9110): a proxy that adds its own line after the
        // client's must not leave the client's first.
        std::string forwarded_for;
        for (const auto& line : boost::make_iterator_range(message.equal_range("X-Forwarded-For"))) {
            if (!forwarded_for.empty()) forwarded_for += ',';
            forwarded_for += std::string(line.value());
        }
        request.origin = client_address(origin_, forwarded_for, server_.config.trusted_proxies);
        return request;
    }

    void answer() {
        const auto& message = parser_->get();
        keep_alive_ = message.keep_alive() && !server_.stopping;
        const unsigned version = message.version();
        ApiResponse response;
        if (over_limit_) {
            keep_alive_ = false;
            response = error_response(
                503, "too_many_connections",
                {"伺服器連線已滿，請稍後再試", "the server has too many connections; try again shortly"});
        } else {
            try {
                response = server_.api.handle(api_request(message));
            } catch (const std::exception& e) {
                spdlog::error("{} {}: {}", std::string(message.method_string()), std::string(message.target()),
                              e.what());
                response = error_response(
                    500, "internal_error",
                    {"伺服器內部錯誤，已記錄；請通知管理員", "internal error, logged; tell the administrator"});
            }
        }
        if (response.delay_as_failed_sign_in) {
            timer_.expires_at(received_at_ + server_.config.failed_sign_in_delay);
            timer_.async_wait([self = this->shared_from_this(), response = std::move(response),
                               version](beast::error_code) mutable { self->write(std::move(response), version); });
            return;
        }
        write(std::move(response), version);
    }

    void write(ApiResponse answer, unsigned version) {
        auto message =
            std::make_shared<http::response<http::string_body>>(static_cast<http::status>(answer.status), version);
        message->set(http::field::server, "dplan");
        message->set(http::field::cache_control, "no-store");
        if (!answer.body.empty() || answer.status != 204) message->set(http::field::content_type, answer.content_type);
        if (!answer.etag.empty()) message->set(http::field::etag, answer.etag);
        if (!answer.content_disposition.empty()) {
            message->set(http::field::content_disposition, answer.content_disposition);
        }
        if (answer.status == 401) message->set(http::field::www_authenticate, "Bearer");
        message->body() = std::move(answer.body);
        message->keep_alive(keep_alive_);
        message->prepare_payload();
        // The read timeout, and a second more for every 64 KiB, so a large answer to a slow but
        // steady client is not cut off half-way.
        const auto size = message->body().size();
        beast::get_lowest_layer(stream_).expires_after(server_.config.read_timeout +
                                                       std::chrono::seconds(size / (64 * 1024)));
        http::async_write(stream_, *message,
                          [self = this->shared_from_this(), message](beast::error_code ec, std::size_t) {
                              if (ec || !self->keep_alive_) return self->close();
                              self->read_header();
                          });
    }

    void close() {
        if constexpr (is_tls<Stream>) {
            beast::get_lowest_layer(stream_).expires_after(std::chrono::seconds(5));
            stream_.async_shutdown([self = this->shared_from_this()](beast::error_code) {
                beast::error_code ignored;
                beast::get_lowest_layer(self->stream_).socket().close(ignored);
            });
        } else {
            beast::error_code ignored;
            stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
            stream_.socket().close(ignored);
        }
    }

    HttpServer::Impl& server_;
    std::string peer_;
    bool over_limit_;
    Stream stream_;
    asio::steady_timer timer_;
    beast::flat_buffer buffer_;
    std::optional<http::request_parser<http::string_body>> parser_;
    std::string origin_;
    std::chrono::steady_clock::time_point received_at_;
    bool keep_alive_ = true;
    std::atomic<bool> idle_{false};
};

tcp::endpoint listen_endpoint(const std::string& listen) {
    const auto [address, port] = split_listen_address(listen);
    beast::error_code ec;
    const auto parsed = asio::ip::make_address(address, ec);
    if (ec) {
        throw InvalidInput({fmt::format("監聽位址「{}」不是 IP 位址", address),
                            fmt::format("the listen address '{}' is not an IP address", address)});
    }
    return {parsed, port};
}

ssl::context tls_context(const ServerConfig& config) {
    ssl::context context(ssl::context::tls_server);
    context.set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 | ssl::context::no_sslv3 |
                        ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1 | ssl::context::single_dh_use);
    beast::error_code ec;
    context.use_certificate_chain_file(config.tls_certificate.string(), ec);
    if (!ec) context.use_private_key_file(config.tls_private_key.string(), ssl::context::pem, ec);
    if (ec) {
        throw InvalidInput(
            {fmt::format("無法讀取 TLS 證書或私鑰（{}、{}）：{}", config.tls_certificate.string(),
                         config.tls_private_key.string(), ec.message()),
             fmt::format("cannot read the TLS certificate or key ({}, {}): {}", config.tls_certificate.string(),
                         config.tls_private_key.string(), ec.message())});
    }
    return context;
}

}  // namespace

HttpServer::Impl::Impl(const ServerConfig& config, Api& api)
    : config(config),
      api(api),
      io_(static_cast<int>(config.threads)),
      control_(asio::make_strand(io_)),
      acceptor_(io_),
      signals_(io_, SIGINT, SIGTERM),
      deadline_(control_) {
    if (config.tls_certificate.empty() != config.tls_private_key.empty()) {
        throw InvalidInput({"TLS 須同時提供證書（--tls-cert）及私鑰（--tls-key）",
                            "TLS needs both a certificate (--tls-cert) and a private key (--tls-key)"});
    }
    if (!config.tls_certificate.empty()) tls_.emplace(tls_context(config));
    const auto endpoint = listen_endpoint(config.listen);
    beast::error_code ec;
    acceptor_.open(endpoint.protocol(), ec);
    if (!ec) acceptor_.set_option(asio::socket_base::reuse_address(true), ec);
    if (!ec) acceptor_.bind(endpoint, ec);
    if (!ec) acceptor_.listen(asio::socket_base::max_listen_connections, ec);
    if (ec) {
        throw InvalidInput({fmt::format("無法在 {} 監聽：{}", config.listen, ec.message()),
                            fmt::format("cannot listen on {}: {}", config.listen, ec.message())});
    }
}

void HttpServer::Impl::run() {
    signals_.async_wait([this](beast::error_code ec, int) {
        if (!ec) stop();
    });
    accept();
    const std::size_t threads = std::max<std::size_t>(1, config.threads);
    std::vector<std::thread> workers;
    for (std::size_t i = 1; i < threads; ++i) workers.emplace_back([this] { io_.run(); });
    io_.run();
    for (auto& worker : workers) worker.join();
}

void HttpServer::Impl::accept() {
    acceptor_.async_accept(asio::make_strand(io_), [this](beast::error_code ec, tcp::socket socket) {
        if (stopping) return;
        if (ec) {
            spdlog::warn("accept: {}", ec.message());
        } else if (tls_) {
            start<beast::ssl_stream<beast::tcp_stream>>(std::move(socket), *tls_);
        } else {
            start<beast::tcp_stream>(std::move(socket));
        }
        accept();
    });
}

bool HttpServer::Impl::over_limit(const std::string& peer) {
    const bool over_server_limit = ++open > config.max_connections;
    std::lock_guard lock(connections_mutex_);
    const std::size_t from_peer = ++per_peer_[peer];
    return over_server_limit ||
           (config.max_connections_per_client > 0 && from_peer > config.max_connections_per_client);
}

template <typename Stream, typename... Arguments>
void HttpServer::Impl::start(tcp::socket socket, Arguments&&... arguments) {
    beast::error_code ec;
    const auto endpoint = socket.remote_endpoint(ec);
    std::string peer = ec ? std::string("unknown") : endpoint.address().to_string();
    const bool refused = over_limit(peer);
    auto session = std::make_shared<Session<Stream>>(*this, std::move(peer), refused, std::move(socket),
                                                     std::forward<Arguments>(arguments)...);
    {
        std::lock_guard lock(connections_mutex_);
        std::erase_if(connections_, [](const auto& connection) { return connection.expired(); });
        connections_.push_back(session);
    }
    session->start();
}

void HttpServer::Impl::stop() {
    asio::post(control_, [this] { begin_stop(); });
}

void HttpServer::Impl::begin_stop() {
    if (stopping.exchange(true)) return;
    spdlog::info("stopping: no new connections; finishing the requests in flight");
    beast::error_code ignored;
    acceptor_.close(ignored);
    signals_.cancel(ignored);
    std::vector<std::shared_ptr<Connection>> alive;
    {
        std::lock_guard lock(connections_mutex_);
        for (const auto& connection : connections_) {
            if (auto session = connection.lock()) alive.push_back(std::move(session));
        }
    }
    for (const auto& session : alive) session->close_if_idle();
    if (open == 0) return;
    deadline_.expires_after(config.shutdown_grace);
    deadline_.async_wait([this](beast::error_code ec) {
        if (ec) return;  // every connection closed in time
        spdlog::warn("stopping: {} connections still open after {} s; closing them", open.load(),
                     config.shutdown_grace.count());
        io_.stop();
    });
}

void HttpServer::Impl::connection_closed(const std::string& peer) {
    {
        std::lock_guard lock(connections_mutex_);
        if (--per_peer_[peer] == 0) per_peer_.erase(peer);
    }
    if (--open == 0 && stopping) {
        asio::post(control_, [this] { deadline_.cancel(); });
    }
}

HttpServer::HttpServer(const ServerConfig& config, Api& api) : impl_(std::make_unique<Impl>(config, api)) {}
HttpServer::~HttpServer() = default;
unsigned short HttpServer::port() const { return impl_->port(); }
void HttpServer::run() { impl_->run(); }
void HttpServer::stop() { impl_->stop(); }

}  // namespace dplan::server
