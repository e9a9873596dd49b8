// The reference for the server load benchmark: the least a Beast server on Asio can do per
// request (read it, answer a fixed body, keep the connection), with the same threads and the same
// body the real server answers. `dplan serve` is measured as a fraction of this, in the same run.
//   fixed_body_server PORT THREADS BODY_FILE
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <thread>
#include <vector>

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

namespace {

class Connection : public std::enable_shared_from_this<Connection> {
  public:
    Connection(tcp::socket socket, const std::string& body) : stream_(std::move(socket)), body_(body) {}
    void read() {
        request_ = {};
        http::async_read(stream_, buffer_, request_, [self = shared_from_this()](beast::error_code ec, std::size_t) {
            if (!ec) self->answer();
        });
    }

  private:
    void answer() {
        response_ = http::response<http::string_body>(http::status::ok, request_.version());
        response_.set(http::field::content_type, "application/json");
        response_.body() = body_;
        response_.keep_alive(request_.keep_alive());
        response_.prepare_payload();
        http::async_write(stream_, response_, [self = shared_from_this()](beast::error_code ec, std::size_t) {
            if (!ec) self->read();
        });
    }

    beast::tcp_stream stream_;
    const std::string& body_;
    beast::flat_buffer buffer_;
    http::request<http::string_body> request_;
    http::response<http::string_body> response_;
};

void accept(tcp::acceptor& acceptor, asio::io_context& io, const std::string& body) {
    acceptor.async_accept(asio::make_strand(io), [&](beast::error_code ec, tcp::socket socket) {
        if (!ec) std::make_shared<Connection>(std::move(socket), body)->read();
        accept(acceptor, io, body);
    });
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 4) {
        std::cerr << "usage: fixed_body_server PORT THREADS BODY_FILE\n";
        return 2;
    }
    std::ostringstream body;
    body << std::ifstream(argv[3]).rdbuf();
    const std::string text = body.str();
    const int threads = std::stoi(argv[2]);
    asio::io_context io(threads);
    tcp::acceptor acceptor(io, {asio::ip::make_address("127.0.0.1"), static_cast<unsigned short>(std::stoi(argv[1]))});
    accept(acceptor, io, text);
    std::cout << "port " << acceptor.local_endpoint().port() << std::endl;
    std::vector<std::thread> workers;
    for (int i = 1; i < threads; ++i) workers.emplace_back([&io] { io.run(); });
    io.run();
}
