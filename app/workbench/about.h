#pragma once
#include <QString>

namespace edgewise::gui {

// The Help > About text (rich text): the Edgewise version and the versions of the libraries
// it was built against, which is what a bug report needs.
QString aboutText();

}  // namespace edgewise::gui
