#include "domain/text_opening.hpp"

namespace dplan {

std::string opening(std::string_view text, std::size_t characters) {
    std::size_t counted = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;  // inside a character
        if (counted++ == characters) return std::string(text.substr(0, i)) + "…";
    }
    return std::string(text);
}

}  // namespace dplan
