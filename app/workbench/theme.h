#pragma once
// Light and dark themes: the Fusion style with a palette, switchable at run time.
#include <QString>

namespace edgewise::gui {

enum class Theme { Light, Dark };

QString themeKey(Theme theme);           // "light", "dark" (settings value)
Theme themeFromKey(const QString& key);  // unknown keys fall back to Light
void applyTheme(Theme theme);            // needs a QApplication

}  // namespace edgewise::gui
