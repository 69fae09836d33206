#pragma once
// Panes register through small factories (after Qt Creator): an id, a translatable title, a
// default dock area and a create function. The main window builds one dock per factory.

#include <QString>
#include <QWidget>
#include <functional>
#include <vector>

namespace edgewise::gui {

class Workspace;

struct PaneFactory {
  QString id;                          // stable, used for saved layouts: "capture", "jobs"
  std::function<QString()> title;      // called again after a language switch
  Qt::DockWidgetArea area = Qt::LeftDockWidgetArea;
  int order = 0;                       // position in the View menu
  std::function<QWidget*(Workspace& workspace, QWidget* parent)> create;
};

class PaneRegistry {
 public:
  static void add(PaneFactory factory);
  static const std::vector<PaneFactory>& all();  // sorted by order
};

}  // namespace edgewise::gui
