#pragma once
// Stands in for a pane whose capability has not landed yet: it says honestly what will
// arrive there, so the workbench never shows an empty grey box.

#include <QStringList>
#include <QWidget>
#include <functional>

class QLabel;

namespace edgewise::gui {

struct PlaceholderContent {
  QString iconPath;                       // a resource SVG, e.g. ":/icons/labeling.svg"
  std::function<QString()> title;         // translated at call time
  std::function<QString()> summary;       // "Labeling arrives with ..."
  std::function<QStringList()> features;  // what the pane will offer
};

class PlaceholderPane : public QWidget {
  Q_OBJECT
 public:
  explicit PlaceholderPane(PlaceholderContent content, QWidget* parent = nullptr);

  QString summaryText() const;

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void retranslateUi();

  PlaceholderContent m_content;
  QLabel* m_icon = nullptr;
  QLabel* m_title = nullptr;
  QLabel* m_badge = nullptr;
  QLabel* m_summary = nullptr;
  QLabel* m_features = nullptr;
};

}  // namespace edgewise::gui
