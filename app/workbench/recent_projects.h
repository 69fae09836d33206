#pragma once
// The File > Open Recent list: most recent first, at most kMaxRecent, kept in QSettings.
#include <QStringList>

namespace edgewise::gui {

class RecentProjects {
 public:
  static constexpr int kMaxRecent = 8;

  static QStringList load();                   // from QSettings
  static void save(const QStringList& paths);  // to QSettings
  // Moves (or adds) path to the front and trims the list; returns the new list.
  static QStringList add(QStringList paths, const QString& path);
  static QStringList remove(QStringList paths, const QString& path);
};

}  // namespace edgewise::gui
