// What every subcommand gets: the global options, the output language and the database.
#pragma once

#include <iosfwd>
#include <memory>
#include <optional>
#include <string>

#include "domain/bilingual.hpp"
#include "storage/database.hpp"

namespace dplan::cli {

enum class OutputLanguage { zh, en, both };

struct GlobalOptions {
    std::string database_url;
    std::string option_file;
    std::string log_level = "info";
    std::string log_file;
    std::string language = "both";
};

class Context {
public:
    Context(std::ostream& out, std::ostream& err) : out(out), err(err) {}

    GlobalOptions options;
    std::ostream& out;
    std::ostream& err;

    OutputLanguage language() const;

    // Prints text in the chosen language(s): "zh", "en", or "zh / en".
    std::string pick(const Bilingual& text) const;

    // Opens the database named by --db (or the default). With `require_current_schema`, refuses
    // a database that is not at this binary's schema version.
    Database& database(OpenMode mode, bool require_current_schema = true);

private:
    std::unique_ptr<Database> database_;
};

}  // namespace dplan::cli
