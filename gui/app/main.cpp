// dplan-gui: the District Planner dashboard (Dear ImGui + GLFW + OpenGL 3).
//   dplan-gui [--db URL] [--user NAME] [--lang zh|en] [--district CODE] [--screen NAME]
//   dplan-gui --screenshot FILE.png --screen NAME [--size 1600x1000]   renders one screen, writes a PNG
//   dplan-gui --bench-frames N --screen NAME                           prints frame CPU time (median, p99)
#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <fmt/format.h>
#include <imgui.h>
#include <spdlog/spdlog.h>
#include <stb_image_write.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <thread>

#include "dashboard.hpp"
#include "domain/database_url.hpp"
#include "logging/logging.hpp"
#include "services/atomic_file.hpp"
#include "services/build_tree.hpp"

namespace {

using namespace dplan;
using namespace dplan::gui;

struct Options {
    std::string db = default_database_url(), user, lang = "zh", district, screen = "overview", screenshot,
                size = "1600x1000", font, log_level = "warning", log_file = default_log_file(), db_option_file;
    std::vector<std::string> plugin_dirs, trusted_keys;
    bool allow_unsigned = false, all_programmes = false;
    int bench_frames = 0;
};

double thread_cpu_ms() {
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) * 1e3 + static_cast<double>(now.tv_nsec) / 1e6;
}

std::filesystem::path config_dir() {
    const char* xdg = std::getenv("XDG_CONFIG_HOME");
    const char* home = std::getenv("HOME");
    std::filesystem::path dir =
        xdg && *xdg ? std::filesystem::path(xdg) : std::filesystem::path(home ? home : ".") / ".config";
    return dir / "dplan";
}

// Throws StorageError when the PNG cannot be written; a previous file of that name stays as it was.
void write_png(const std::string& path, int width, int height) {
    std::vector<unsigned char> pixels(static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
    stbi_flip_vertically_on_write(1);  // OpenGL rows start at the bottom
    replace_file(path, [&](const std::filesystem::path& temporary) {
        if (stbi_write_png(temporary.c_str(), width, height, 4, pixels.data(), width * 4) == 0) {
            throw StorageError({"無法把畫面編碼為 PNG", "cannot encode the window as a PNG"});
        }
    });
}

// GLFW reports errors through a callback. Until the window is open they only explain why it
// could not open, and go into that message; afterwards they are logged.
std::string glfw_problem;
bool window_open = false;

void glfw_error(int code, const char* text) {
    glfw_problem = fmt::format("GLFW {}: {}", code, text);
    if (window_open) spdlog::warn("{}", glfw_problem);
}

// Column widths and sorting are kept here; without it the dashboard still runs, it just forgets them.
std::string settings_file() {
    std::error_code ec;
    std::filesystem::create_directories(config_dir(), ec);
    if (ec) {
        spdlog::warn(
            "無法建立設定資料夾「{}」（{}），本次不會保存欄寬及排序。 / cannot create the settings folder {} ({}); "
            "column widths and sorting are not kept this time",
            config_dir().string(), ec.message(), config_dir().string(), ec.message());
        return {};
    }
    return (config_dir() / "dashboard.ini").string();
}

// The options as the dashboard uses them, every one checked before a window opens.
struct Settings {
    Screen screen = Screen::overview;
    int width = 1600, height = 1000;
    std::string user;
    plugins::LoaderOptions loader;
    std::optional<std::filesystem::path> option_file;
    bool headless = false;  // --screenshot or --bench-frames: render, measure, exit
};

Settings check_options(const Options& options) {
    Settings settings;
    const auto screen = parse_screen(options.screen);
    if (!screen)
        throw InvalidInput({"不明畫面 " + options.screen,
                            "unknown screen '" + options.screen +
                                "' (overview, editor, review, meetings, indicators, matrix, plugins, trends, empty)"});
    settings.screen = *screen;
    if (std::sscanf(options.size.c_str(), "%dx%d", &settings.width, &settings.height) != 2 || settings.width < 320 ||
        settings.height < 240) {
        throw InvalidInput({"--size 應為 寬x高，例如 1600x1000", "--size must be WIDTHxHEIGHT, e.g. 1600x1000"});
    }
    settings.user = !options.user.empty()       ? options.user
                    : std::getenv("DPLAN_USER") ? std::getenv("DPLAN_USER")
                                                : "system";
    const auto sources = with_build_tree({options.plugin_dirs, options.trusted_keys});
    settings.loader =
        plugins::standard_loader_options(sources.plugin_dirs, sources.trusted_keys, options.allow_unsigned);
    parse_database_url(options.db);  // a malformed URL is refused before a window opens (its password hidden)
    if (!options.db_option_file.empty()) settings.option_file = options.db_option_file;
    settings.headless = !options.screenshot.empty() || options.bench_frames > 0;
    return settings;
}

// The GLFW window with its OpenGL 3 context and the Dear ImGui context, closed in reverse order.
class Window {
  public:
    explicit Window(const Settings& settings) {
        glfwSetErrorCallback(glfw_error);
        if (!glfwInit()) {
            const char* display = std::getenv("DISPLAY");
            if (display == nullptr || *display == '\0') {
                throw StorageError(
                    {"無法開啟視窗：沒有顯示器（未設定 DISPLAY）。請在桌面環境中執行，或以 xvfb-run 執行。",
                     "cannot open a window: no display (DISPLAY is not set); run it on a desktop, or under xvfb-run (" +
                         glfw_problem + ")"});
            }
            throw StorageError({fmt::format("無法開啟視窗：連接不上顯示器 {}。請檢查 DISPLAY 設定。", display),
                                fmt::format("cannot open a window: display {} cannot be reached; check DISPLAY ({})",
                                            display, glfw_problem)});
        }
        glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
        glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
        window_ = glfwCreateWindow(settings.width, settings.height, "District Planner", nullptr, nullptr);
        if (window_ == nullptr) {
            glfwTerminate();
            throw StorageError({"無法建立 OpenGL 3 視窗：顯示卡或驅動程式不支援 OpenGL 3。",
                                "cannot create an OpenGL 3 window (" + glfw_problem + ")"});
        }
        window_open = true;
        glfwMakeContextCurrent(window_);
        glfwSwapInterval(settings.headless ? 0 : 1);
        float scale_x = 1, scale_y = 1;
        glfwGetWindowContentScale(window_, &scale_x, &scale_y);
        scale_ = std::max(1.0f, scale_x);

        IMGUI_CHECKVERSION();
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
        ini_ = settings.headless ? std::string() : settings_file();
        io.IniFilename = ini_.empty() ? nullptr : ini_.c_str();
        ImGui::StyleColorsLight();
        ImGui::GetStyle().ScaleAllSizes(scale_);
        ImGui_ImplGlfw_InitForOpenGL(window_, true);
        ImGui_ImplOpenGL3_Init("#version 130");
    }
    ~Window() {
        ImGui_ImplOpenGL3_Shutdown();
        ImGui_ImplGlfw_Shutdown();
        ImGui::DestroyContext();
        glfwDestroyWindow(window_);
        glfwTerminate();
    }
    Window(const Window&) = delete;
    Window& operator=(const Window&) = delete;

    GLFWwindow* get() const { return window_; }
    float scale() const { return scale_; }

  private:
    GLFWwindow* window_ = nullptr;
    float scale_ = 1;
    std::string ini_;  // ImGui keeps the pointer
};

// --screenshot and --bench-frames: waits until the data is in and the screen settled, then writes
// the PNG or measures the frames, and says when to stop.
class Harness {
  public:
    explicit Harness(const Options& options) : options_(options), started_(std::chrono::steady_clock::now()) {}

    // After a frame was drawn (not yet swapped): true when the program should end, with exit_code().
    bool after_frame(Dashboard& dashboard, bool ready, double frame_cpu_ms, int fb_width, int fb_height) {
        if (dashboard.state().error && !dashboard.state().snapshot) {
            // Nothing to show: the database could not be opened or read.
            const auto& message = dashboard.state().error->message;
            std::cerr << message.zh << '\n' << message.en << '\n';
            exit_code_ = 1;
            return true;
        }
        settled_frames_ = ready ? settled_frames_ + 1 : 0;
        if (std::chrono::steady_clock::now() - started_ > std::chrono::seconds(60)) {
            std::cerr << "加載逾時 / timed out waiting for the data\n";
            exit_code_ = 1;
            return true;
        }
        if (options_.bench_frames > 0 && settled_frames_ > 3) {
            frame_ms_.push_back(frame_cpu_ms);
            if (static_cast<int>(frame_ms_.size()) >= options_.bench_frames) return true;
        }
        if (!options_.screenshot.empty() && settled_frames_ == 4) {
            try {
                write_png(options_.screenshot, fb_width, fb_height);
                std::cout << std::filesystem::absolute(options_.screenshot).string() << '\n';
            } catch (const Error& e) {
                std::cerr << e.message().zh << '\n' << e.message().en << '\n';
                exit_code_ = 1;
            }
            return true;
        }
        return false;
    }
    bool settled() const { return settled_frames_ > 0; }
    int exit_code() const { return exit_code_; }

    // Frame CPU time, median and p99.
    void report(std::size_t glyphs) {
        if (frame_ms_.empty()) return;
        std::sort(frame_ms_.begin(), frame_ms_.end());
        const double median = frame_ms_[frame_ms_.size() / 2];
        const double p99 = frame_ms_[std::min(frame_ms_.size() - 1, frame_ms_.size() * 99 / 100)];
        std::cout << fmt::format("screen {} frames {} cpu_ms_median {:.3f} cpu_ms_p99 {:.3f} glyphs {}\n",
                                 options_.screen, frame_ms_.size(), median, p99, glyphs);
    }

  private:
    const Options& options_;
    std::chrono::steady_clock::time_point started_;
    int settled_frames_ = 0;
    int exit_code_ = 0;
    std::vector<double> frame_ms_;
};

// Frames until the window closes (or the harness is done): pick up the newest snapshot, draw, render.
int frame_loop(const Options& options, Window& window, Dashboard& dashboard, GlyphAtlas& atlas,
               std::optional<Harness>& harness) {
    bool district_chosen = options.district.empty();
    std::string title;
    while (!glfwWindowShouldClose(window.get())) {
        glfwPollEvents();
        const double frame_start = thread_cpu_ms();
        if (dashboard.update()) atlas.rebuild();
        UiState& ui = dashboard.state();
        if (!district_chosen && ui.snapshot) {
            district_chosen = true;
            for (const auto& district : ui.snapshot->districts) {
                if (district.code != options.district) continue;
                Selection chosen = ui.snapshot->selection;
                chosen.district_id = district.id;
                chosen.plan_id.reset();
                chosen.programme_id.reset();
                ui.worker.select(chosen);
            }
        }
        ImGui_ImplOpenGL3_NewFrame();
        ImGui_ImplGlfw_NewFrame();
        ImGui::NewFrame();
        int fb_width = 0, fb_height = 0;
        glfwGetFramebufferSize(window.get(), &fb_width, &fb_height);
        const ImGuiIO& io = ImGui::GetIO();
        dashboard.draw(static_cast<int>(io.DisplaySize.x), static_cast<int>(io.DisplaySize.y));
        ImGui::Render();
        glViewport(0, 0, fb_width, fb_height);
        glClearColor(0.94f, 0.94f, 0.94f, 1);
        glClear(GL_COLOR_BUFFER_BIT);
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
        const double frame_cpu = thread_cpu_ms() - frame_start;
        if (const std::string now = dashboard.window_title(); now != title) {
            title = now;
            glfwSetWindowTitle(window.get(), title.c_str());
        }
        if (harness) {
            const bool ready = ui.worker.idle() && district_chosen && !ui.tab_request;
            if (harness->after_frame(dashboard, ready, frame_cpu, fb_width, fb_height)) return harness->exit_code();
        }
        glfwSwapBuffers(window.get());
        if (harness && !harness->settled()) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return 0;
}

int run(const Options& options) {
    setup_logging(options.log_level, options.log_file);
    const Settings settings = check_options(options);
    Window window(settings);
    GlyphAtlas atlas(find_cjk_font(options.font), 17.0f * window.scale());
    Selection first;
    first.all_programmes = options.all_programmes;
    Worker worker([&] { return open_local_client(options.db, settings.user, settings.loader, settings.option_file); },
                  first);
    Dashboard dashboard(worker, atlas, options.lang == "en" ? Language::en : Language::zh, window.scale());
    dashboard.state().tab_request = settings.screen == Screen::empty ? std::nullopt : std::optional(settings.screen);
    dashboard.state().screen = settings.screen;
    atlas.cover(dashboard.window_title());
    atlas.rebuild();
    std::optional<Harness> harness;
    if (settings.headless) harness.emplace(options);
    const int exit_code = frame_loop(options, window, dashboard, atlas, harness);
    if (harness) harness->report(atlas.glyph_count());
    return exit_code;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app("District Planner dashboard / 地區福利規劃儀表板");
    Options options;
    app.add_option("--db", options.db, "sqlite:PATH or mysql://USER@HOST:PORT/DB / 資料庫")->capture_default_str();
    app.add_option(
        "--db-option-file", options.db_option_file,
        "MySQL option file with the password in [client] (default ~/.my.cnf; or set $DPLAN_DB_PASSWORD) / 密碼選項檔");
    app.add_option("--user", options.user, "Act as this user (default $DPLAN_USER, else system) / 用戶");
    app.add_option("--lang", options.lang, "zh or en; switch at any time in the window / 語言")
        ->check(CLI::IsMember({"zh", "en"}))
        ->capture_default_str();
    app.add_option("--district", options.district, "Open this district (code) / 地區");
    app.add_flag("--all-programmes", options.all_programmes, "Programme table over every district and year / 全部計劃");
    app.add_option(
           "--screen", options.screen,
           "overview, editor, review, meetings, indicators, matrix, plugins, trends (empty: the bare frame) / 畫面")
        ->capture_default_str();
    app.add_option("--screenshot", options.screenshot, "Render the screen once, write this PNG and exit / 截圖");
    app.add_option("--size", options.size, "Window size WIDTHxHEIGHT / 視窗大小")->capture_default_str();
    app.add_option("--bench-frames", options.bench_frames,
                   "Render N frames, print CPU ms per frame (median, p99) / 效能測試");
    app.add_option("--font", options.font, "A CJK font file (default: WenQuanYi Micro Hei) / 字型");
    app.add_option("--plugin-dir", options.plugin_dirs, "Extra plugin folder / 外掛資料夾");
    app.add_option("--trusted-key", options.trusted_keys, "Trusted plugin signing key (.pub) / 信任的簽署金鑰");
    app.add_flag("--allow-unsigned", options.allow_unsigned,
                 "Load unsigned plugins (development only) / 容許未簽署外掛");
    app.add_option("--log-level", options.log_level, "trace, debug, info, warning, error / 記錄等級")
        ->capture_default_str();
    app.add_option("--log-file", options.log_file, "Log file / 記錄檔")->capture_default_str();
    CLI11_PARSE(app, argc, argv);
    // Every failure ends here as one line per language and an exit code, never as an abort.
    try {
        return run(options);
    } catch (const Error& e) {
        spdlog::info("dashboard: {}", e.message().en);  // the log file; stderr gets both languages
        std::cerr << e.message().zh << '\n' << e.message().en << '\n';
        return dynamic_cast<const InvalidInput*>(&e) != nullptr ? 2 : 1;
    } catch (const std::exception& e) {
        spdlog::info("dashboard: unexpected error: {}", e.what());
        std::cerr << "發生意外錯誤：" << e.what() << "。詳情已寫入記錄檔。\n"
                  << "unexpected error: " << e.what() << "; the details are in the log file\n";
        return 1;
    }
}
