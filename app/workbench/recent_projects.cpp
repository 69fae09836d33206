#include "app/workbench/recent_projects.h"

#include <QFileInfo>
#include <QSettings>

namespace edgewise::gui {

namespace {
const QString kKey = QStringLiteral("files/recentProjects");

QString normalized(const QString& path) {
  return QFileInfo(path).absoluteFilePath();
}
}  // namespace

QStringList RecentProjects::load() {
  QStringList paths = QSettings().value(kKey).toStringList();
  paths.removeAll(QString());
  paths.removeDuplicates();
  while (paths.size() > kMaxRecent) paths.removeLast();
  return paths;
}

void RecentProjects::save(const QStringList& paths) {
  QSettings().setValue(kKey, paths);
}

QStringList RecentProjects::add(QStringList paths, const QString& path) {
  const QString p = normalized(path);
  paths.removeAll(p);
  paths.prepend(p);
  while (paths.size() > kMaxRecent) paths.removeLast();
  return paths;
}

QStringList RecentProjects::remove(QStringList paths, const QString& path) {
  paths.removeAll(path);
  paths.removeAll(normalized(path));
  return paths;
}

}  // namespace edgewise::gui
